package dk.platform.ledger.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Objects;

/**
 * The one way a service sends a command to the ledger: as a {@link LedgerCommandMessage} on
 * {@link Topics#LEDGER_COMMANDS}, keyed by the command id (the id the command posts under, so a
 * repeat posts nothing), and signed as its sender for the user it acts for ({@link CommandSignature}:
 * the ledger runs nothing else). The record itself goes through a {@link Transport}, so this module
 * stays free of Kafka: the service passes a function that sends one record and returns once the
 * broker has it (platform-support's {@code KafkaTransport}).
 */
public final class LedgerCommandSender {

    /** Sends one record with its headers and returns once the broker has it; throws if it did not. */
    @FunctionalInterface
    public interface Transport {
        void send(String topic, String key, String value, Map<String, byte[]> headers) throws Exception;
    }

    private final String sender;
    private final String secret;
    private final ObjectMapper json;
    private final Transport transport;

    /**
     * @param sender the sending service's id as the ledger knows it ({@code settlement}, {@code payroll})
     * @param secret the secret the ledger has for that sender
     */
    public LedgerCommandSender(String sender, String secret, ObjectMapper json, Transport transport) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.json = Objects.requireNonNull(json, "json");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    public String sender() {
        return sender;
    }

    /**
     * Signs and sends a command and waits for the broker.
     *
     * @param correlationId the business operation (a payroll run, a statement); it ends up on every event the command causes
     * @param onBehalfOf    the user the command is sent for; null if none
     * @return the command's type as sent ({@link LedgerCommandTypes#nameOf})
     * @throws IllegalStateException if the command was not sent; the caller's step should fail and run again
     */
    public String send(String commandId, Object command, String correlationId, String onBehalfOf) {
        String type = LedgerCommandTypes.nameOf(command);
        try {
            String value = json.writeValueAsString(
                    new LedgerCommandMessage(commandId, type, json.valueToTree(command), sender, correlationId));
            transport.send(Topics.LEDGER_COMMANDS, commandId, value,
                    CommandSignature.headers(secret, sender, onBehalfOf, commandId, value));
            return type;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + commandId, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + type + " " + commandId + " to the ledger: " + e.getMessage(), e);
        }
    }
}
