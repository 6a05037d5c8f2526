package dk.platform.ledger.infra.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.EventEnvelope;
import dk.platform.ledger.api.event.LedgerEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every ledger event to {@code ledger.events}: a tracking processor reading the event
 * store (an outbox in effect), never a dual write. The processor takes events in batches
 * ({@code axon.eventhandling.processors.kafka-publisher.batch-size}); the sends of a batch go out
 * together and are awaited at its last event, before its token is stored, so a broker that is
 * down stops the processor at that batch and the whole batch is sent again; nothing is skipped.
 * Records of one key (aggregate) keep their order: one producer, idempotent, one partition per key.
 * Delivery is at least once: consumers de-duplicate by {@code eventId}.
 */
@Component
@ProcessingGroup(LedgerEventPublisher.NAME)
public class LedgerEventPublisher {

    static final String NAME = "kafka-publisher";
    private static final String PENDING = LedgerEventPublisher.class.getName() + ".pending";
    private static final long SEND_TIMEOUT_SECONDS = 30;

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
        CompletableFuture<?> sent = kafka.send(topic, envelope.aggregateId(), json.writeValueAsString(envelope));
        if (!CurrentUnitOfWork.isStarted()) {
            sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<CompletableFuture<?>> pending = unitOfWork.getOrComputeResource(PENDING, k -> new ArrayList<>());
        pending.add(sent);
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            pending.clear();
        }
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
