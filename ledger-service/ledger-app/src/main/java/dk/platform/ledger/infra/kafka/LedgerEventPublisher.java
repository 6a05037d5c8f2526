package dk.platform.ledger.infra.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.EventEnvelope;
import dk.platform.ledger.api.event.LedgerEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every ledger event to {@code ledger.events}: a tracking processor reading the event
 * store (an outbox in effect), never a dual write. The send is awaited, so a broker that is down
 * stops the processor at this event and it is retried; nothing is skipped. Delivery is at least
 * once: consumers de-duplicate by {@code eventId}.
 */
@Component
@ProcessingGroup(LedgerEventPublisher.NAME)
public class LedgerEventPublisher {

    static final String NAME = "kafka-publisher";

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final String topic;

    LedgerEventPublisher(KafkaTemplate<String, String> kafka, ObjectMapper json,
                         @Value("${ledger.kafka.events-topic}") String topic) {
        this.kafka = kafka;
        this.json = json;
        this.topic = topic;
    }

    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message) throws JsonProcessingException, ExecutionException,
            InterruptedException, TimeoutException {
        EventEnvelope envelope = envelope(event, message, json);
        kafka.send(topic, envelope.aggregateId(), json.writeValueAsString(envelope)).get(30, TimeUnit.SECONDS);
    }

    /** The published form of a stored event (also used by subscriber replays). */
    public static EventEnvelope envelope(LedgerEvent event, EventMessage<?> message, ObjectMapper json) {
        String aggregateId = message instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : message.getIdentifier();
        long sequence = message instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : 0;
        return new EventEnvelope(message.getIdentifier(), event.getClass().getSimpleName(), EventEnvelope.SCHEMA_VERSION,
                aggregateId, sequence, event.postingDate(), message.getTimestamp(),
                new EventEnvelope.Metadata((String) message.getMetaData().get("user"),
                        (String) message.getMetaData().get("service"),
                        (String) message.getMetaData().get("correlationId"),
                        (String) message.getMetaData().get("causationId")),
                json.valueToTree(event));
    }
}
