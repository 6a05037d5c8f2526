package dk.platform.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import dk.platform.ledger.api.InputRules;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * How every service reads what a sender wrote (REST bodies and Kafka commands), once for all
 * (issue 15): nothing after the document, no duplicate or unknown fields, no coercion of numbers
 * and booleans to strings, enums or each other, no enum by its ordinal, no exponent in a number,
 * a date only as the string {@code yyyy-MM-dd} within {@link DateRange}, no string longer than
 * {@value #MAX_STRING} characters, and no control character in a string but tab, line feed and
 * carriage return.
 * <p>
 * Only input is read this strictly. Stored events and views are read by the application's own
 * mapper, so what was stored before these rules (a date of year 57440) stays readable.
 */
public final class StrictJson {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** No string a sender writes is longer, whatever the field; each field's own rule is usually far tighter. */
    public static final int MAX_STRING = 1000;

    private StrictJson() {
    }

    /** The range a date in input must lie in (SPEC §0: 1900..2999 by default). */
    public record DateRange(LocalDate first, LocalDate last) {
        public static final DateRange DEFAULT = new DateRange(LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31));

        public boolean contains(LocalDate date) {
            return !date.isBefore(first) && !date.isAfter(last);
        }
    }

    @SuppressWarnings("deprecation") // MapperFeature on a copy: the builder API would lose the application's modules
    public static ObjectMapper forInput(ObjectMapper base, DateRange dates) {
        ObjectMapper json = base.copy();
        json.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        json.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        json.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        json.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : new LogicalType[]{LogicalType.Textual, LogicalType.Enum, LogicalType.Boolean, LogicalType.Integer,
                LogicalType.Float}) {
            for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean, CoercionInputShape.String}) {
                json.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        json.registerModule(new SimpleModule("strict-input")
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                      BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new ExactEnum(deserializer);
                    }
                })
                .addDeserializer(String.class, new Text())
                .addDeserializer(LocalDate.class, new Date(dates))
                .addDeserializer(BigDecimal.class, new Decimal()));
        return json;
    }

    /** A JSON string, without control characters other than tab and line breaks. */
    static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new IllegalArgumentException("must be a JSON string, not " + shape(p.currentToken()));
            }
            String text = p.getText();
            if (text.length() > MAX_STRING) {
                throw new IllegalArgumentException("is longer than " + MAX_STRING + " characters (" + text.length() + ")");
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    throw new IllegalArgumentException(String.format("contains the control character U+%04X at position %d", (int) c, i));
                }
            }
            return text;
        }
    }

    /**
     * An enum exactly as written: Jackson would trim the name and so take {@code "\u0000SALDO"} or
     * {@code " SAME"} for the constant (issue 15); a name with control characters or padding is refused.
     */
    static final class ExactEnum extends JsonDeserializer<Object> implements ContextualDeserializer, ResolvableDeserializer {
        private final JsonDeserializer<?> names;

        ExactEnum(JsonDeserializer<?> names) {
            this.names = names;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                if (!text.equals(text.strip()) || InputRules.hasControlCharacters(text, false)) {
                    throw new IllegalArgumentException(InputRules.quote(text) + " is not one of the values: write the name exactly,"
                            + " without spaces or control characters");
                }
            }
            return names.deserialize(p, ctxt);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
            return names instanceof ContextualDeserializer c ? new ExactEnum(c.createContextual(ctxt, property)) : this;
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            if (names instanceof ResolvableDeserializer r) {
                r.resolve(ctxt);
            }
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return names.getNullValue(ctxt);
        }
    }

    /** SPEC §0: a date is a JSON string yyyy-MM-dd in a sane range; not a number, not a datetime, no sign, no year 0. */
    static final class Date extends StdScalarDeserializer<LocalDate> {
        private final DateRange range;

        Date(DateRange range) {
            super(LocalDate.class);
            this.range = range;
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new IllegalArgumentException("a date is a string \"yyyy-mm-dd\", not " + shape(p.currentToken()));
            }
            return date(p.getText(), range);
        }
    }

    /**
     * SPEC §0's date rule for a date read as text (a CSV cell, a query parameter, a streamed JSON
     * field): {@code yyyy-MM-dd} exactly, within the range; otherwise an IllegalArgumentException
     * that quotes at most a short prefix of the text.
     */
    public static LocalDate date(String text, DateRange range) {
        LocalDate date;
        try {
            date = text != null && DATE.matcher(text).matches() ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            throw new IllegalArgumentException(InputRules.quote(text) + " is not a date (yyyy-mm-dd)");
        }
        if (!range.contains(date)) {
            throw new IllegalArgumentException(text + " is outside the dates this ledger takes (" + range.first() + " to "
                    + range.last() + ")");
        }
        return date;
    }

    /** A plain JSON number: not a string, and no exponent ("1e2" is not how anyone writes 100). */
    static final class Decimal extends StdScalarDeserializer<BigDecimal> {
        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isNumeric()) {
                throw new IllegalArgumentException("must be a JSON number, not " + shape(p.currentToken()));
            }
            String text = p.getText();
            if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
                throw new IllegalArgumentException(InputRules.quote(text) + " is written with an exponent; write the number plainly");
            }
            return p.getDecimalValue();
        }
    }

    /**
     * For a field whose JSON type is a whole number or a yes/no but that is checked by hand as
     * text, because it shares its rules with a CSV form (a payroll chart line's {@code seq} and
     * {@code employeeNo}): a JSON integer, a boolean or a string, nothing else.
     */
    public static final class ScalarAsText extends StdScalarDeserializer<String> {
        public ScalarAsText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
                return p.getText();
            }
            return new Text().deserialize(p, ctxt);
        }
    }

    static String shape(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            default -> "that";
        };
    }
}
