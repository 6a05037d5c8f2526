package dk.platform.settlement.infra.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.EventEnvelope;
import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.ledger.api.Topics;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.api.event.WriteOffBooked;
import dk.platform.settlement.openitem.OpenItemRecords;
import dk.platform.settlement.saga.SettlementInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * What the ledger says, as it reaches this service: every event on {@code ledger.events} keeps
 * the open items up to date, and those that confirm a posting (WriteOffBooked, PaymentApplied,
 * EntryReversed) go on to the saga, as does every answer on {@code ledger.command-results}. Both
 * are at least once; the open items and the saga make a repeat harmless. A record that is not
 * readable JSON of the published contract is logged and passed over (it would never become
 * readable); a failure to handle a readable one is thrown, so the record comes again.
 */
@Component
class LedgerListeners {

    private static final Logger log = LoggerFactory.getLogger(LedgerListeners.class);
    private static final Map<String, Class<?>> FOR_THE_SAGA = Map.of(
            "WriteOffBooked", WriteOffBooked.class,
            "PaymentApplied", PaymentApplied.class,
            "EntryReversed", EntryReversed.class);

    private final OpenItemRecords openItems;
    private final SettlementInbox inbox;
    private final ObjectMapper json;

    LedgerListeners(OpenItemRecords openItems, SettlementInbox inbox, ObjectMapper json) {
        this.openItems = openItems;
        this.inbox = inbox;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @KafkaListener(id = "settlement-ledger-events", topics = Topics.LEDGER_EVENTS, groupId = "${settlement.kafka.group-id}",
            containerFactory = KafkaConfig.CONTAINER_FACTORY)
    void onEvent(ConsumerRecord<String, String> record) {
        EventEnvelope envelope;
        Object forSaga = null;
        try {
            envelope = json.readValue(required(record.value()), EventEnvelope.class);
            if (envelope.type() == null || envelope.payload() == null) {
                throw new IllegalArgumentException("an envelope without type or payload");
            }
            Class<?> type = FOR_THE_SAGA.get(envelope.type());
            if (type != null) {
                forSaga = json.treeToValue(envelope.payload(), type);
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            passOver(record, e);
            return;
        }
        try {
            openItems.apply(envelope);
        } catch (JsonProcessingException e) {
            passOver(record, e);
        }
        if (forSaga != null) {
            inbox.deliver(forSaga);
        }
    }

    @KafkaListener(id = "settlement-command-results", topics = Topics.LEDGER_COMMAND_RESULTS,
            groupId = "${settlement.kafka.group-id}", containerFactory = KafkaConfig.CONTAINER_FACTORY)
    void onResult(ConsumerRecord<String, String> record) {
        LedgerCommandResult result;
        try {
            result = json.readValue(required(record.value()), LedgerCommandResult.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            passOver(record, e);
            return;
        }
        if (result.commandId() != null && result.status() != null) {
            inbox.deliver(result);
        }
    }

    private static String required(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an empty record");
        }
        return value;
    }

    /** Not readable as the published contract: it would never become readable, so it is logged and passed over. */
    private static void passOver(ConsumerRecord<String, String> record, Exception e) {
        log.error("unreadable record {}-{}@{} (key {}) passed over: {}", record.topic(), record.partition(), record.offset(),
                record.key(), e.getMessage());
    }
}
