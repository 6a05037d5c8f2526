package dk.platform.settlement.infra.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.EventEnvelope;
import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.ledger.api.Topics;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.api.event.WriteOffBooked;
import dk.platform.settlement.openitem.OpenItemRecords;
import dk.platform.settlement.saga.SettlementInbox;
import dk.platform.support.kafka.ContractReader;
import dk.platform.support.kafka.PoisonRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * What the ledger says, as it reaches this service: every event on {@code ledger.events} keeps
 * the open items up to date, and those that confirm a posting (WriteOffBooked, PaymentApplied,
 * EntryReversed) go on to the saga, as does every answer on {@code ledger.command-results}. Both
 * are at least once; the open items and the saga make a repeat harmless. A record that is not
 * readable JSON of the published contract would never become readable: it is parked at once in
 * {@code <topic>.dlt} ({@link ContractReader}, {@link PoisonRecord}). A failure to handle a readable one is thrown, so the
 * record comes again: without limit in an outage, else a few times before it is parked
 * (platform-support's KafkaErrorHandling).
 */
@Component
class LedgerListeners {

    private static final Map<String, Class<?>> FOR_THE_SAGA = Map.of(
            "WriteOffBooked", WriteOffBooked.class,
            "PaymentApplied", PaymentApplied.class,
            "EntryReversed", EntryReversed.class);

    private final OpenItemRecords openItems;
    private final SettlementInbox inbox;
    private final ContractReader reader;

    LedgerListeners(OpenItemRecords openItems, SettlementInbox inbox, ObjectMapper json) {
        this.openItems = openItems;
        this.inbox = inbox;
        this.reader = new ContractReader(json);
    }

    @KafkaListener(id = "settlement-ledger-events", topics = Topics.LEDGER_EVENTS, groupId = "${settlement.kafka.group-id}",
            containerFactory = KafkaConfig.CONTAINER_FACTORY)
    void onEvent(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = reader.read(record.value(), EventEnvelope.class);
        if (envelope.type() == null || envelope.payload() == null) {
            throw ContractReader.unreadable(new IllegalArgumentException("an envelope without type or payload"));
        }
        Class<?> type = FOR_THE_SAGA.get(envelope.type());
        Object forSaga = type == null ? null : reader.convert(envelope.payload(), type);
        PoisonRecord notTheContract = null;
        try {
            openItems.apply(envelope);
        } catch (JsonProcessingException e) {
            notTheContract = ContractReader.unreadable(e);
        }
        if (forSaga != null) {
            inbox.deliver(forSaga);
        }
        if (notTheContract != null) {
            throw notTheContract; // after the saga has what it could read
        }
    }

    @KafkaListener(id = "settlement-command-results", topics = Topics.LEDGER_COMMAND_RESULTS,
            groupId = "${settlement.kafka.group-id}", containerFactory = KafkaConfig.CONTAINER_FACTORY)
    void onResult(ConsumerRecord<String, String> record) {
        LedgerCommandResult result = reader.read(record.value(), LedgerCommandResult.class);
        if (result.commandId() != null && result.status() != null) {
            inbox.deliver(result);
        }
    }
}
