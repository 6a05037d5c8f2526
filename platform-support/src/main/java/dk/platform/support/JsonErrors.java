package dk.platform.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a JSON document in words a sender can act on: which field, and why,
 * without Java class names. Used for REST bodies and for messages read from Kafka alike.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** The field and the reason, e.g. {@code field 'lines[0].debit': '1e2' is not an amount ...}. */
    public static String describe(Throwable error) {
        if (error instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Throwable root = mapping;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String reason = root instanceof IllegalArgumentException ? root.getMessage()
                    : mapping instanceof InvalidFormatException bad ? "'" + bad.getValue() + "' is not " + expected(bad.getTargetType())
                    : mapping.getOriginalMessage();
            return "field '" + path + "': " + clean(reason);
        }
        if (error instanceof JsonProcessingException json) {
            return "malformed JSON: " + clean(json.getOriginalMessage());
        }
        return clean(error == null ? null : error.getMessage());
    }

    private static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "a date (yyyy-mm-dd)";
        }
        if (type != null && type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        return "a valid value";
    }

    /** Jackson names Java types ("java.math.BigDecimal", "dk.platform..."); senders need none of that. */
    static String clean(String message) {
        if (message == null) {
            return "invalid value";
        }
        return message.replaceAll("`?\\b(?:java|javax|dk|com|org)\\.[\\w.$]+`?", "value").split("\n")[0];
    }
}
