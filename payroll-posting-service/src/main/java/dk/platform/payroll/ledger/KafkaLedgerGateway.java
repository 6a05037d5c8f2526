package dk.platform.payroll.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.CommandSignature;
import dk.platform.ledger.api.LedgerCommandMessage;
import dk.platform.ledger.api.LedgerCommandTypes;
import dk.platform.ledger.api.Topics;
import dk.platform.payroll.run.LedgerGateway;
import dk.platform.support.security.SenderSecret;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Commands for the ledger leave as {@link LedgerCommandMessage}s on {@code ledger.commands}, keyed
 * by command id, which is the id the command posts under: a repeat posts nothing. Each record is
 * signed as sender {@code payroll} ({@link CommandSignature}), on behalf of the user who asked for
 * it; the ledger runs nothing else. The send is awaited, so a broker that is down fails the
 * request instead of losing the command.
 */
@Component
class KafkaLedgerGateway implements LedgerGateway {

    private static final Logger log = LoggerFactory.getLogger(KafkaLedgerGateway.class);
    static final String SENDER = "payroll";

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final String secret;

    KafkaLedgerGateway(KafkaTemplate<String, String> kafka, ObjectMapper json, Environment environment) {
        this.kafka = kafka;
        this.json = json;
        this.secret = SenderSecret.of(environment, SENDER);
    }

    @Override
    public void send(String commandId, Object command, String correlationId, String onBehalfOf) {
        String type = LedgerCommandTypes.nameOf(command);
        LedgerCommandMessage message = new LedgerCommandMessage(commandId, type, json.valueToTree(command), SENDER, correlationId);
        try {
            String value = json.writeValueAsString(message);
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.LEDGER_COMMANDS, commandId, value);
            CommandSignature.headers(secret, SENDER, onBehalfOf, commandId, value).forEach(record.headers()::add);
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (JsonProcessingException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send " + type + " " + commandId + " to the ledger: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + commandId, e);
        }
        log.info("{}: sent {} {} for {}", correlationId, type, commandId, onBehalfOf);
    }
}
