package dk.platform.settlement.statement.intake;

import dk.platform.ledger.api.InputRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.settlement.api.StatementRejected;
import dk.platform.settlement.openitem.OpenItemRecords;
import dk.platform.settlement.saga.SettlementEvents;
import dk.platform.settlement.saga.SettlementInbox;
import dk.platform.settlement.saga.StatementPlanned;
import dk.platform.settlement.statement.Assessment;
import dk.platform.settlement.statement.OpenItem;
import dk.platform.settlement.statement.Planner;
import dk.platform.settlement.statement.Statement;
import dk.platform.settlement.statement.StatementRefused;
import dk.platform.settlement.statement.store.StatementRecord;
import dk.platform.settlement.statement.store.StatementRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Takes a statement in: a statement id already used answers what was recorded for it (same
 * body) or a conflict (another body); a new statement is checked against the open item as this
 * service knows it from ledger.events, recorded, and handed to its saga. A statement that does
 * not balance is recorded REJECTED and announced; nothing is posted for it.
 */
@Service
public class StatementIntake {

    private static final Logger log = LoggerFactory.getLogger(StatementIntake.class);

    /** What was recorded, and whether this submission recorded it. */
    public record Submission(StatementRecord record, boolean created) {
    }

    private final StatementRecords records;
    private final OpenItemRecords openItems;
    private final SettlementInbox inbox;
    private final SettlementEvents events;
    private final ObjectMapper json;

    public StatementIntake(StatementRecords records, OpenItemRecords openItems, SettlementInbox inbox, SettlementEvents events,
                           ObjectMapper json) {
        this.records = records;
        this.openItems = openItems;
        this.inbox = inbox;
        this.events = events;
        this.json = json;
    }

    public Optional<StatementRecord> find(String statementId) {
        return records.find(statementId);
    }

    /** @param submittedBy the authenticated subject; the ledger commands go on their behalf (null: on no one's) */
    public Submission submit(Statement statement, String submittedBy) {
        String hash = hash(statement);
        Optional<StatementRecord> earlier = records.find(statement.statementId());
        if (earlier.isPresent()) {
            return resubmitted(earlier.get(), hash);
        }
        OpenItem item = openItems.find(statement.openItemId()).orElseThrow(() -> new StatementRefused.UnknownOpenItem(
                "open item " + InputRules.quote(statement.openItemId()) + " is not known to the settlement service; it learns open items from"
                        + " ledger.events, so a just registered item can take a moment to arrive"));
        Assessment assessment = Planner.assess(statement, item);
        if (assessment instanceof Assessment.Rejected rejected) {
            // announced before it is recorded: a failure here records nothing, and the client's retry announces it again
            events.publish(new StatementRejected(statement.statementId(), statement.openItemId(), statement.party(),
                    statement.bankAmount(), rejected.gap(), rejected.reason()));
            if (!records.insertRejected(statement, hash, rejected.gap(), rejected.reason(), submittedBy)) {
                return resubmitted(records.find(statement.statementId()).orElseThrow(), hash);
            }
            log.info("statement {} REJECTED: {}", statement.statementId(), rejected.reason());
            return new Submission(records.find(statement.statementId()).orElseThrow(), true);
        }
        Assessment.Planned planned = (Assessment.Planned) assessment;
        if (!records.insertPlanned(statement, hash, planned.plan(), submittedBy)) {
            return resubmitted(records.find(statement.statementId()).orElseThrow(), hash);
        }
        log.info("statement {} PLANNED: {} write-offs, then {} to {}", statement.statementId(), planned.plan().writeOffs().size(),
                statement.bankAmount(), statement.cashAccount());
        try {
            inbox.deliver(new StatementPlanned(statement.statementId(), planned.plan(), submittedBy));
        } catch (RuntimeException e) {
            // Recorded and in progress: the sweeper starts the saga again shortly. The client need do nothing.
            log.warn("statement {} is recorded but its saga could not start yet; it will be retried", statement.statementId(), e);
        }
        return new Submission(records.find(statement.statementId()).orElseThrow(), true);
    }

    private Submission resubmitted(StatementRecord earlier, String hash) {
        if (!earlier.bodyHash().equals(hash)) {
            throw new StatementConflict("statement " + InputRules.quote(earlier.statementId()) + " was already submitted with another body"
                    + " (it is " + earlier.status() + "); submit a changed statement under a new statementId");
        }
        return new Submission(earlier, false);
    }

    private String hash(Statement statement) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(statement)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash statement " + statement.statementId(), e);
        }
    }
}
