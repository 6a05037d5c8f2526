package dk.platform.ledger.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount of DKK with exactly two decimals. In JSON it is a decimal string ("1250.00",
 * "-2.50"): a JSON number, an exponent or a third decimal is refused, because a ledger that
 * silently rounds is not a ledger.
 */
@JsonDeserialize(using = Money.Json.class)
public record Money(BigDecimal value) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);
    private static final Pattern FORMAT = Pattern.compile("-?\\d{1,15}(\\.\\d{1,2})?");

    public Money {
        if (value == null) {
            throw new IllegalArgumentException("amount is missing");
        }
        if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount " + value.toPlainString() + " has more than 2 decimals");
        }
        value = value.setScale(2);
    }

    /** Parses a decimal string such as "1250.00" or "-2.50". */
    public static Money of(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException(InputRules.quote(text) + " is not an amount: write a decimal string with at most"
                    + " 2 decimals, such as \"1250.00\" or \"-2.50\"");
        }
        return new Money(new BigDecimal(text));
    }

    public static Money of(long kroner) {
        return new Money(BigDecimal.valueOf(kroner));
    }

    public Money plus(Money other) { return new Money(value.add(other.value)); }
    public Money minus(Money other) { return new Money(value.subtract(other.value)); }
    public Money negate() { return new Money(value.negate()); }
    public Money abs() { return new Money(value.abs()); }
    public int signum() { return value.signum(); }
    public boolean isZero() { return value.signum() == 0; }
    public boolean isPositive() { return value.signum() > 0; }
    public boolean isNegative() { return value.signum() < 0; }
    public Money min(Money other) { return compareTo(other) <= 0 ? this : other; }

    @Override
    public int compareTo(Money other) {
        return value.compareTo(other.value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toPlainString();
    }

    /** Accepts only JSON strings in the documented format. */
    static final class Json extends StdDeserializer<Money> {
        Json() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException("amounts are decimal strings such as \"1250.00\", not JSON "
                        + (p.currentToken().isNumeric() ? "numbers" : "values of type " + p.currentToken()));
            }
            return Money.of(p.getText());
        }
    }
}
