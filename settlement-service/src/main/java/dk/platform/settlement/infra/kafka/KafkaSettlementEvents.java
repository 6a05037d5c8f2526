package dk.platform.settlement.infra.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.Topics;
import dk.platform.settlement.api.SettlementEvent;
import dk.platform.settlement.api.SettlementEventEnvelope;
import dk.platform.settlement.saga.SettlementEvents;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes settlement events on {@code settlement.events}, keyed by statement id, and waits for the broker. */
@Component
class KafkaSettlementEvents implements SettlementEvents {

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    KafkaSettlementEvents(KafkaTemplate<String, String> kafka, ObjectMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    @Override
    public void publish(SettlementEvent event) {
        SettlementEventEnvelope envelope = new SettlementEventEnvelope(event.eventId(), event.getClass().getSimpleName(),
                SettlementEventEnvelope.SCHEMA_VERSION, event.statementId(), event.statementId(), clock.instant(),
                json.valueToTree(event));
        try {
            kafka.send(Topics.SETTLEMENT_EVENTS, event.statementId(), json.writeValueAsString(envelope)).get(30, TimeUnit.SECONDS);
        } catch (JsonProcessingException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + envelope.eventId() + " on " + Topics.SETTLEMENT_EVENTS, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + envelope.eventId(), e);
        }
    }
}
