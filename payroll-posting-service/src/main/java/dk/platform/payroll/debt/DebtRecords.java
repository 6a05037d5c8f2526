package dk.platform.payroll.debt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dk.platform.ledger.api.EventEnvelope;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.event.SkyldigtBeløbRegistered;
import dk.platform.support.JsonDocuments;
import dk.platform.support.kafka.ContractReader;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The employee debts (SPEC §5) as this service learns them from {@code ledger.events}: one
 * document per debt ({@code payroll_debts}, {@code _id} = debt id) with what is outstanding after
 * the latest event. Registered comes first (events of one debt arrive in order); a repeat or an
 * older event (sequence number not above the stored one) changes nothing. The ledger stays the
 * source of truth; this is what a run is calculated against.
 */
@Component
public class DebtRecords {

    static final String COLLECTION = "payroll_debts";
    private static final List<String> STEPS = List.of("SkyldigtBeløbOffset", "SkyldigtBeløbPaid", "SkyldigtBeløbWrittenOff");

    private final MongoTemplate mongo;
    private final JsonDocuments documents;
    private final ObjectMapper json;

    public DebtRecords(MongoTemplate mongo, JsonDocuments documents, ObjectMapper json) {
        this.mongo = mongo;
        this.documents = documents;
        this.json = ContractReader.tolerant(json);
    }

    /** Applies a ledger event if it is about a debt; other events are ignored. */
    public void apply(EventEnvelope event) throws JsonProcessingException {
        if ("SkyldigtBeløbRegistered".equals(event.type())) {
            SkyldigtBeløbRegistered registered = json.treeToValue(event.payload(), SkyldigtBeløbRegistered.class);
            if (find(registered.debtId()).isEmpty()) {
                // a message from before debts carried an employer is the default employer's, as the ledger reads it
                String employerId = registered.employerId() == null ? SkyldigtBeløbRegistered.DEFAULT_EMPLOYER : registered.employerId();
                save(new OpenDebt(registered.debtId(), employerId, registered.employeeNo(), registered.kind(), registered.amount(),
                        registered.amount(), registered.postingDate(), registered.payrollRunId(), event.sequenceNumber()));
            }
        } else if (STEPS.contains(event.type())) {
            JsonNode payload = event.payload();
            find(payload.path("debtId").asText()).filter(debt -> debt.sequence() < event.sequenceNumber())
                    .ifPresent(debt -> save(debt.after(Money.of(payload.path("outstanding").asText()), event.sequenceNumber())));
        }
    }

    public Optional<OpenDebt> find(String debtId) {
        return Optional.ofNullable(debts().find(Filters.eq("_id", debtId)).first())
                .map(d -> documents.fromDocument(d, OpenDebt.class));
    }

    /**
     * Outstanding debts per employee number, oldest first, of every employer (a scan: debts are few next to employees);
     * the {@link DebtPlanner} takes only the run's employer's.
     */
    public Map<String, List<OpenDebt>> outstandingByEmployee() {
        Map<String, List<OpenDebt>> byEmployee = new TreeMap<>();
        for (Document document : debts().find()) {
            OpenDebt debt = documents.fromDocument(document, OpenDebt.class);
            if (debt.outstanding().isPositive()) {
                byEmployee.computeIfAbsent(debt.employeeNo(), e -> new ArrayList<>()).add(debt);
            }
        }
        byEmployee.values().forEach(list -> list.sort(Comparator.comparing(OpenDebt::postingDate)
                .thenComparing(OpenDebt::debtId)));
        return byEmployee;
    }

    /** Every debt of an employer's employee this service knows, outstanding or not. */
    public List<OpenDebt> ofEmployee(String employerId, String employeeNo) {
        List<OpenDebt> found = new ArrayList<>();
        debts().find(Filters.and(Filters.eq("employerId", employerId), Filters.eq("employeeNo", employeeNo))).forEach(d -> found.add(documents.fromDocument(d, OpenDebt.class)));
        found.sort(Comparator.comparing(OpenDebt::postingDate).thenComparing(OpenDebt::debtId));
        return found;
    }

    private void save(OpenDebt debt) {
        debts().replaceOne(Filters.eq("_id", debt.debtId()), documents.toDocument(debt.debtId(), debt),
                new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> debts() {
        return mongo.getCollection(COLLECTION);
    }
}
