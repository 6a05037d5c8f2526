package dk.platform.payroll.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.EventEnvelope;
import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.ledger.api.Topics;
import dk.platform.payroll.debt.DebtRecords;
import dk.platform.payroll.run.Approvals;
import dk.platform.support.JsonErrors;
import dk.platform.support.kafka.KafkaErrorHandling;
import dk.platform.support.kafka.PoisonRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;

/**
 * What the ledger says, at least once: its answers on {@code ledger.command-results} (answers to
 * commands this service did not send are ignored, a repeat changes nothing) and the employee
 * debts' events on {@code ledger.events} (the rest is ignored). An unreadable record would never
 * become readable: it is parked at once in {@code <topic>.dlt} ({@link PoisonRecord}). A failure
 * to record a readable one is thrown, so it comes again: without limit in an outage, else a few
 * times before it is parked (platform-support's KafkaErrorHandling, Boot's listener container
 * factory takes its error handler).
 */
@Configuration
class LedgerResultListener {


    private final Approvals approvals;
    private final DebtRecords debts;
    private final ObjectMapper json;

    LedgerResultListener(Approvals approvals, DebtRecords debts, ObjectMapper json) {
        this.approvals = approvals;
        this.debts = debts;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Bean
    NewTopic ledgerCommandsTopic() {
        return TopicBuilder.name(Topics.LEDGER_COMMANDS).partitions(3).build();
    }

    @Bean
    NewTopic ledgerCommandResultsTopic() {
        return TopicBuilder.name(Topics.LEDGER_COMMAND_RESULTS).partitions(3).build();
    }

    @Bean
    NewTopic ledgerEventsTopic() {
        return TopicBuilder.name(Topics.LEDGER_EVENTS).partitions(3).build();
    }

    /** Dead letters of this service's consumers (README "Dead letters"): the topics it reads, with the suffix .dlt. */
    @Bean
    NewTopic ledgerCommandResultsDeadLetters() {
        return KafkaErrorHandling.deadLetterTopic(ledgerCommandResultsTopic());
    }

    @Bean
    NewTopic ledgerEventsDeadLetters() {
        return KafkaErrorHandling.deadLetterTopic(ledgerEventsTopic());
    }

    @KafkaListener(id = "payroll-ledger-events", topics = Topics.LEDGER_EVENTS,
            groupId = "${payroll.kafka.group-id:payroll-posting-service}")
    void onEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event;
        try {
            event = json.readValue(record.value() == null ? "" : record.value(), EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
        if (event.type() != null && event.type().startsWith("SkyldigtBeløb")) {
            try {
                debts.apply(event);
            } catch (JsonProcessingException e) {
                throw unreadable(e);
            }
        }
    }

    @KafkaListener(id = "payroll-command-results", topics = Topics.LEDGER_COMMAND_RESULTS,
            groupId = "${payroll.kafka.group-id:payroll-posting-service}")
    void onResult(ConsumerRecord<String, String> record) {
        LedgerCommandResult result;
        try {
            result = json.readValue(record.value() == null ? "" : record.value(), LedgerCommandResult.class);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
        if (result.commandId() != null && result.status() != null) {
            approvals.answered(result);
        }
    }

    private static PoisonRecord unreadable(Exception e) {
        return new PoisonRecord("not readable as the published contract: " + JsonErrors.describe(e));
    }
}
