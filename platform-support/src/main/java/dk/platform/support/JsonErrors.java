package dk.platform.support;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.platform.ledger.api.InputRules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a JSON document in words a sender can act on: which field, and why,
 * without Java class names or Jackson's words, and quoting at most a short prefix of a bad value.
 * Used for REST bodies and for messages read from Kafka alike.
 */
public final class JsonErrors {

    /** No detail is longer than this, whatever the sender wrote. */
    static final int MAX_DETAIL = 300;

    private JsonErrors() {
    }

    /** The field and the reason, e.g. {@code field 'lines[0].debit': '1e2' is not an amount ...}. */
    public static String describe(Throwable error) {
        return bounded(reason(error));
    }

    private static String reason(Throwable error) {
        if (error instanceof UnrecognizedPropertyException unknown) {
            return "unknown field " + InputRules.quote(unknown.getPropertyName());
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
                    : mapping instanceof InvalidFormatException bad ? InputRules.quote(bad.getValue()) + " is not "
                    + expected(bad.getTargetType())
                    : mapping instanceof MismatchedInputException mismatch ? "is not " + expected(mismatch.getTargetType())
                    : mapping.getOriginalMessage();
            return "field " + InputRules.quote(path) + ": " + clean(reason);
        }
        if (error instanceof MismatchedInputException mismatch) {
            String message = String.valueOf(mismatch.getOriginalMessage());
            if (message.startsWith("Trailing token")) {
                return "malformed JSON: there is content after the end of the JSON document";
            }
            if (message.startsWith("No content")) {
                return "the body is empty: a JSON document is expected";
            }
            return "malformed JSON: the document is not " + expected(mismatch.getTargetType());
        }
        if (error instanceof JsonParseException parse) {
            return "malformed JSON: " + clean(parse.getOriginalMessage()) + " (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")";
        }
        if (error instanceof JsonProcessingException json) {
            return "malformed JSON: " + clean(json.getOriginalMessage());
        }
        return clean(error == null ? null : error.getMessage());
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == LocalDate.class) {
            return "a date (yyyy-mm-dd)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a valid value";
    }

    /** Jackson names Java types ("java.math.BigDecimal", "dk.platform...") and its own tokens; senders need none of that. */
    static String clean(String message) {
        if (message == null) {
            return "invalid value";
        }
        return message.replaceAll("`?\\b(?:java|javax|dk|com|org)\\.[\\w.$]+`?", "value")
                .replaceAll("\\(token `?JsonToken\\.\\w+`?\\)", "")
                .replaceAll("JsonToken\\.\\w+", "token")
                .replaceAll("\\s*\\(code \\d+\\)", "")
                .replaceAll("\\s*at \\[Source: .*", "")
                .split("\n")[0].trim();
    }

    static String bounded(String detail) {
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
    }
}
