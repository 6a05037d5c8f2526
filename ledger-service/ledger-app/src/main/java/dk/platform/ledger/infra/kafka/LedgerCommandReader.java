package dk.platform.ledger.infra.kafka;

import dk.platform.ledger.api.InputRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.LedgerCommandMessage;
import dk.platform.ledger.api.LedgerCommandTypes;
import dk.platform.support.JsonErrors;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a record of {@code ledger.commands} into a command for the command bus, with the strict
 * ObjectMapper the REST API reads bodies with (unknown fields, JSON numbers as amounts, bad
 * dates are refused), and says in words what is wrong when it cannot. What it says is bounded:
 * a bad value is quoted by its first {@value InputRules#QUOTED} characters at most, and an
 * answer goes only to a well-formed commandId (or record key), never to an arbitrary string.
 */
final class LedgerCommandReader {

    /** What a record says. */
    sealed interface Read permits Command, Malformed, Unanswerable {
    }

    /** A command to send on the command bus (who sent it is told by the record's signed headers, not by its body). */
    record Command(String commandId, String type, Object command, String correlationId) implements Read {
    }

    /** A message the ledger cannot run; answered REJECTED 400 under {@code commandId} (well-formed). */
    record Malformed(String commandId, String error) implements Read {
    }

    /** A record without a well-formed commandId or key: there is no one to answer. */
    record Unanswerable(String error) implements Read {
    }

    static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    static final int MAX_SENDER = 100;

    private final ObjectMapper json;

    LedgerCommandReader(ObjectMapper json) {
        this.json = json;
    }

    Read read(String key, String value) {
        Optional<String> recordKey = Optional.ofNullable(key).filter(InputRules::isId);
        if (value == null || value.isBlank()) {
            return malformed(recordKey, "the record has no value; expected a JSON object {commandId, type, payload, sender?, correlationId?}");
        }
        JsonNode tree;
        try {
            tree = json.readTree(value);
        } catch (JsonProcessingException e) {
            return malformed(recordKey, JsonErrors.describe(e));
        }
        if (tree == null || !tree.isObject()) {
            return malformed(recordKey, "the message is not a JSON object; expected {commandId, type, payload, sender?, correlationId?}");
        }
        JsonNode idNode = tree.get("commandId");
        Optional<String> commandId = idNode != null && idNode.isTextual() && !idNode.asText().isBlank()
                ? Optional.of(idNode.asText()) : Optional.empty();
        if (commandId.isEmpty()) {
            return malformed(recordKey, "commandId is required (a string)");
        }
        String id = commandId.get();
        if (!InputRules.isId(id)) {
            return new Unanswerable("commandId " + InputRules.quote(id) + " is not well-formed: "
                    + "1 to 120 of A-Z a-z 0-9 . _ : -, not only dots");
        }
        LedgerCommandMessage message;
        try {
            message = json.treeToValue(tree, LedgerCommandMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Malformed(id, "message: " + describe(e));
        }
        if (message.type() == null || message.type().isBlank()) {
            return new Malformed(id, "type is required: one of " + String.join(", ", LedgerCommandTypes.names()));
        }
        Optional<Class<?>> type = LedgerCommandTypes.of(message.type());
        if (type.isEmpty()) {
            return new Malformed(id, "unknown command type " + InputRules.quote(message.type()) + "; the ledger accepts "
                    + String.join(", ", LedgerCommandTypes.names()));
        }
        if (message.payload() == null || !message.payload().isObject()) {
            return new Malformed(id, "payload is required: the " + message.type() + " command as a JSON object");
        }
        String correlationId = blank(message.correlationId()) ? id : message.correlationId();
        if (!CORRELATION_ID.matcher(correlationId).matches()) {
            return new Malformed(id, "correlationId " + InputRules.quote(correlationId) + " is not well-formed: 1 to 100 of A-Z a-z 0-9 . _ : -");
        }
        if (!blank(message.sender()) && message.sender().length() > MAX_SENDER) {
            return new Malformed(id, "sender is longer than " + MAX_SENDER + " characters");
        }
        Object command;
        try {
            command = json.treeToValue(message.payload(), type.get());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Malformed(id, "payload of " + message.type() + ": " + describe(e));
        }
        return new Command(id, message.type(), command, correlationId);
    }

    private static Read malformed(Optional<String> recordKey, String error) {
        return recordKey.<Read>map(k -> new Malformed(k, error)).orElseGet(() -> new Unanswerable(error));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Which field is wrong, and why, without Java class names (as the REST API says it). */
    static String describe(Exception e) {
        return JsonErrors.describe(e);
    }
}
