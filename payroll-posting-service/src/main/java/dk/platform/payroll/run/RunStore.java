package dk.platform.payroll.run;

import dk.platform.ledger.api.InputRules;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dk.platform.support.JsonDocuments;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Payroll runs, one document each ({@code _id} = run id), and {@code payroll_commands}: which run
 * a ledger command id belongs to. Changes to a run go through {@link #update}, which serialises
 * them per run in this process (the service runs as one instance; see the README).
 */
@Component
public class RunStore {

    static final String RUNS = "payroll_runs";
    static final String COMMANDS = "payroll_commands";

    private final MongoTemplate mongo;
    private final JsonDocuments documents;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public RunStore(MongoTemplate mongo, JsonDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    public Optional<PayrollRun> find(String runId) {
        Document document = runs().find(Filters.eq("_id", runId)).first();
        return Optional.ofNullable(document).map(d -> documents.fromDocument(d, PayrollRun.class));
    }

    /** Stores a new run; false if the id is taken. */
    public boolean insert(PayrollRun run) {
        try {
            runs().insertOne(documents.toDocument(run.runId(), run));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Reads, changes and writes a run, one change at a time per run. */
    public PayrollRun update(String runId, UnaryOperator<PayrollRun> change) {
        synchronized (locks.computeIfAbsent(runId, id -> new Object())) {
            PayrollRun run = find(runId).orElseThrow(() -> new RunNotFound(runId));
            PayrollRun changed = change.apply(run);
            if (changed != run) {
                runs().replaceOne(Filters.eq("_id", runId), documents.toDocument(runId, changed));
            }
            return changed;
        }
    }

    /** The runs in a given status (a scan: there are few runs, and this runs at start-up only). */
    public List<PayrollRun> inStatus(PayrollRun.Status status) {
        List<PayrollRun> found = new ArrayList<>();
        runs().find(Filters.eq("status", status.name()))
                .forEach(d -> found.add(documents.fromDocument(d, PayrollRun.class)));
        return found;
    }

    public void rememberCommand(String commandId, String runId) {
        commands().replaceOne(Filters.eq("_id", commandId), new Document("_id", commandId).append("runId", runId),
                new ReplaceOptions().upsert(true));
    }

    public Optional<String> runOfCommand(String commandId) {
        return Optional.ofNullable(commands().find(Filters.eq("_id", commandId)).first()).map(d -> d.getString("runId"));
    }

    private MongoCollection<Document> runs() {
        return mongo.getCollection(RUNS);
    }

    private MongoCollection<Document> commands() {
        return mongo.getCollection(COMMANDS);
    }

    /** No run with that id. */
    public static final class RunNotFound extends RuntimeException {
        public RunNotFound(String runId) {
            super("no payroll run " + InputRules.quote(runId));
        }
    }
}
