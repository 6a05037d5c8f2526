package dk.platform.settlement.saga;

import dk.platform.settlement.statement.store.StatementRecord;
import dk.platform.settlement.statement.store.StatementRecords;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Looks after statements that stopped moving: a saga that never started (the service stopped
 * between recording the statement and starting it) is started; a saga waiting longer than
 * {@code settlement.resend-after} for an answer sends its unanswered commands again (an answer
 * can be lost, e.g. when it overtook the saga's start and found no saga yet). Every command id is
 * deterministic, so this never posts twice.
 */
@Component
class StalledStatements {

    private static final Logger log = LoggerFactory.getLogger(StalledStatements.class);

    private final StatementRecords records;
    private final SagaStore<Object> sagas;
    private final SettlementInbox inbox;
    private final Duration resendAfter;
    private final Clock clock = Clock.systemUTC();

    StalledStatements(StatementRecords records, SagaStore<Object> sagas, SettlementInbox inbox,
                      @Value("${settlement.resend-after:30s}") Duration resendAfter) {
        this.records = records;
        this.sagas = sagas;
        this.inbox = inbox;
        this.resendAfter = resendAfter;
    }

    @Scheduled(fixedDelayString = "${settlement.sweep-interval-ms:10000}", initialDelayString = "${settlement.sweep-interval-ms:10000}")
    void sweep() {
        Instant due = clock.instant().minus(resendAfter);
        for (String statementId : records.inProgress()) {
            try {
                records.find(statementId).ifPresentOrElse(record -> {
                    if (record.status().isFinal()) {
                        records.doneWith(statementId);
                    } else if (record.updatedAt().isBefore(due)) {
                        nudge(record);
                    }
                }, () -> records.doneWith(statementId));
            } catch (RuntimeException e) {
                log.warn("statement {} could not be looked after now; trying again next round", statementId, e);
            }
        }
    }

    private void nudge(StatementRecord record) {
        String id = record.statementId();
        boolean started = !sagas.findSagas(SettlementSaga.class, new AssociationValue(SettlementSaga.STATEMENT_ID, id)).isEmpty();
        log.info("statement {} ({}) has not moved since {}: {}", id, record.status(), record.updatedAt(),
                started ? "sending its unanswered commands again" : "starting its saga");
        records.touch(id);
        inbox.deliver(started ? new StatementStalled(id) : new StatementPlanned(id, record.plan(), record.submittedBy()));
    }
}
