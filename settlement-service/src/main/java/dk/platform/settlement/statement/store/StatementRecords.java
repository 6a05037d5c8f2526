package dk.platform.settlement.statement.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.ledger.api.Money;
import dk.platform.support.JsonDocuments;
import dk.platform.settlement.saga.SettlementProgress;
import dk.platform.settlement.statement.SettlementPlan;
import dk.platform.settlement.statement.Statement;
import dk.platform.settlement.statement.StatementStatus;
import dk.platform.settlement.statement.store.StatementRecord.CommandRecord;
import dk.platform.settlement.statement.store.StatementRecord.CommandStatus;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements in MongoDB, one document each, plus {@code settlement_in_progress}: the ids of the
 * statements not yet final, so the sweeper finds them without scanning every statement. Only the
 * intake inserts; only the saga (one message at a time, through the inbox) changes a statement,
 * so read-modify-replace needs no transaction.
 */
@Component
public class StatementRecords implements SettlementProgress {

    static final String STATEMENTS = "statements";
    static final String IN_PROGRESS = "settlement_in_progress";

    private final MongoTemplate mongo;
    private final JsonDocuments documents;
    private final Clock clock = Clock.systemUTC();

    public StatementRecords(MongoTemplate mongo, JsonDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    public Optional<StatementRecord> find(String statementId) {
        Document document = statements().find(Filters.eq("_id", statementId)).first();
        return Optional.ofNullable(document).map(d -> documents.fromDocument(d, StatementRecord.class));
    }

    /** Records a statement that balanced; false if its id is taken (then {@link #find} it). */
    public boolean insertPlanned(Statement statement, String bodyHash, SettlementPlan plan, String submittedBy) {
        Instant now = clock.instant();
        inProgressIds().replaceOne(Filters.eq("_id", statement.statementId()), new Document("_id", statement.statementId()),
                new ReplaceOptions().upsert(true));
        return insert(new StatementRecord(statement.statementId(), bodyHash, statement, StatementStatus.PLANNED, null, null,
                plan, StatementRecord.planned(plan), now, now, submittedBy));
    }

    /** Records a statement that did not balance; false if its id is taken. */
    public boolean insertRejected(Statement statement, String bodyHash, Money gap, String reason, String submittedBy) {
        Instant now = clock.instant();
        return insert(new StatementRecord(statement.statementId(), bodyHash, statement, StatementStatus.REJECTED, gap, reason,
                null, List.of(), now, now, submittedBy));
    }

    private boolean insert(StatementRecord record) {
        try {
            statements().insertOne(documents.toDocument(record.statementId(), record));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The ids of the statements that are not final yet. */
    public List<String> inProgress() {
        List<String> ids = new ArrayList<>();
        inProgressIds().find().forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    public void doneWith(String statementId) {
        inProgressIds().deleteOne(Filters.eq("_id", statementId));
    }

    /** Marks a statement as just looked after, so the sweeper leaves it alone for a while. */
    public void touch(String statementId) {
        find(statementId).ifPresent(r -> replace(r.touched(clock.instant())));
    }

    @Override
    public void statusChanged(String statementId, StatementStatus status, String reason) {
        StatementRecord record = require(statementId);
        replace(record.withStatus(status, reason, clock.instant()));
        if (status.isFinal()) {
            doneWith(statementId);
        }
    }

    @Override
    public void commandSent(String statementId, String commandId, String type) {
        replace(require(statementId).withCommand(commandId, type,
                c -> c.status() == CommandStatus.PLANNED || c.status() == CommandStatus.SENT
                        ? new CommandRecord(c.commandId(), type, c.id(), CommandStatus.SENT, null, null, null) : c,
                clock.instant()));
    }

    @Override
    public void commandAnswered(String statementId, LedgerCommandResult answer) {
        boolean accepted = answer.status() == LedgerCommandResult.Status.ACCEPTED;
        replace(require(statementId).withCommand(answer.commandId(), null, c -> {
            if (c.status() == CommandStatus.ACCEPTED && !accepted) {
                return c; // it posted; a later refusal of a repeat does not undo that
            }
            // POSTED says more than the REPLAYED of a repeat, so it stays
            String outcome = !accepted ? null : "POSTED".equals(c.outcome()) || answer.outcome() == null ? c.outcome() : answer.outcome();
            return new CommandRecord(c.commandId(), c.type(), c.id(), accepted ? CommandStatus.ACCEPTED : CommandStatus.REJECTED,
                    outcome, answer.errorStatus(), answer.error());
        }, clock.instant()));
    }

    private StatementRecord require(String statementId) {
        return find(statementId).orElseThrow(() -> new IllegalStateException("statement " + statementId + " is not recorded"));
    }

    private void replace(StatementRecord record) {
        statements().replaceOne(Filters.eq("_id", record.statementId()), documents.toDocument(record.statementId(), record));
    }

    private MongoCollection<Document> statements() {
        return mongo.getCollection(STATEMENTS);
    }

    private MongoCollection<Document> inProgressIds() {
        return mongo.getCollection(IN_PROGRESS);
    }
}
