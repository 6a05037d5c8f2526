package dk.platform.support.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.LedgerCommandSender;
import dk.platform.support.security.SenderSecret;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka side of ledger-api's {@link LedgerCommandSender}: a record sent with the app's
 * {@link KafkaTemplate} and awaited, so a broker that is down fails the caller's step instead of
 * losing the command; and the sender a service builds with it, signed with its {@link SenderSecret}.
 */
public final class KafkaCommandTransport {

    /** How long a send waits for the broker. */
    public static final Duration BROKER_TIMEOUT = Duration.ofSeconds(30);

    private KafkaCommandTransport() {
    }

    /** The service's ledger-command sender: {@code senderId} as the ledger knows it; no secret, no start. */
    public static LedgerCommandSender sender(String senderId, KafkaTemplate<String, String> kafka, ObjectMapper json,
                                             Environment environment) {
        return new LedgerCommandSender(senderId, SenderSecret.of(environment, senderId), json, awaiting(kafka));
    }

    public static LedgerCommandSender.Transport awaiting(KafkaTemplate<String, String> kafka) {
        return (topic, key, value, headers) -> {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach(record.headers()::add);
            kafka.send(record).get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        };
    }
}
