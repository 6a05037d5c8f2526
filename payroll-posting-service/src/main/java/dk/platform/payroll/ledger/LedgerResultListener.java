package dk.platform.payroll.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.EventEnvelope;
import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.ledger.api.Topics;
import dk.platform.payroll.debt.DebtRecords;
import dk.platform.payroll.run.Approvals;
import dk.platform.support.kafka.ContractReader;
import dk.platform.support.kafka.PlatformTopics;
import dk.platform.support.kafka.PoisonRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.List;

/**
 * What the ledger says, at least once: its answers on {@code ledger.command-results} (answers to
 * commands this service did not send are ignored, a repeat changes nothing) and the employee
 * debts' events on {@code ledger.events} (the rest is ignored). An unreadable record would never
 * become readable: it is parked at once in {@code <topic>.dlt} ({@link ContractReader},
 * {@link PoisonRecord}). A failure to record a readable one is thrown, so it comes again: without
 * limit in an outage, else a few times before it is parked (platform-support's KafkaErrorHandling,
 * Boot's listener container factory takes its error handler).
 */
@Configuration
class LedgerResultListener {

    private final Approvals approvals;
    private final DebtRecords debts;
    private final ContractReader reader;

    LedgerResultListener(Approvals approvals, DebtRecords debts, ObjectMapper json) {
        this.approvals = approvals;
        this.debts = debts;
        this.reader = new ContractReader(json);
    }

    /** The topics it writes, and those it reads with their dead letters (README "Dead letters"). */
    @Bean
    KafkaAdmin.NewTopics ledgerTopics() {
        return PlatformTopics.of(List.of(Topics.LEDGER_COMMANDS), List.of(Topics.LEDGER_COMMAND_RESULTS, Topics.LEDGER_EVENTS));
    }

    @KafkaListener(id = "payroll-ledger-events", topics = Topics.LEDGER_EVENTS,
            groupId = "${payroll.kafka.group-id:payroll-posting-service}")
    void onEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record.value(), EventEnvelope.class);
        if (event.type() != null && event.type().startsWith("SkyldigtBeløb")) {
            try {
                debts.apply(event);
            } catch (JsonProcessingException e) {
                throw ContractReader.unreadable(e);
            }
        }
    }

    @KafkaListener(id = "payroll-command-results", topics = Topics.LEDGER_COMMAND_RESULTS,
            groupId = "${payroll.kafka.group-id:payroll-posting-service}")
    void onResult(ConsumerRecord<String, String> record) {
        LedgerCommandResult result = reader.read(record.value(), LedgerCommandResult.class);
        if (result.commandId() != null && result.status() != null) {
            approvals.answered(result);
        }
    }
}
