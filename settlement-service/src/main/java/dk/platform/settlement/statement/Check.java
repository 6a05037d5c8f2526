package dk.platform.settlement.statement;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.Money;

import java.util.function.Supplier;

/**
 * Input rules for statements, in words a bookkeeper understands. A broken rule is an
 * IllegalArgumentException ("amount must be positive"): the web layer answers it as a 400,
 * prefixed by where it was found ("fees[1].", "line 5: fee ").
 */
public final class Check {

    /** Ids travel into ledger command ids: the ledger's id rule (InputRules), short enough for suffixes. */
    static final int MAX_STATEMENT_ID = 80;
    static final int MAX_REFERENCE = 30;
    static final int MAX_ID = 120;
    static final int MAX_TEXT = 200;

    private Check() {
    }

    /** Runs {@code build}; a broken rule is reported with {@code where} in front of it. */
    public static <T> T at(String where, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    static String id(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > max || !InputRules.isId(value)) {
            throw new IllegalArgumentException(field + " " + InputRules.quote(value) + " is not well-formed: 1 to " + max
                    + " of A-Z a-z 0-9 . _ : -, not only dots");
        }
        return value;
    }

    static String optionalId(String value, String field) {
        return value == null ? null : id(value, field, MAX_ID);
    }

    static String name(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > MAX_ID) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_ID + " characters");
        }
        return noControlCharacters(value, field, false);
    }

    static String account(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!InputRules.isAccount(value)) {
            // the ledger's own rule: a statement it would refuse half-way is refused here, before anything is posted
            throw new IllegalArgumentException(InputRules.notAnAccount(field, value));
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_TEXT + " characters");
        }
        return noControlCharacters(value, field, true);
    }

    private static String noControlCharacters(String value, String field, boolean lineBreaks) {
        if (InputRules.hasControlCharacters(value, lineBreaks)) {
            throw new IllegalArgumentException(field + " " + InputRules.quote(value) + " contains a control character");
        }
        return value;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static Money positive(Money value, String field) {
        if (required(value, field).signum() <= 0) {
            throw new IllegalArgumentException(field + " must be positive, not " + value);
        }
        return value;
    }
}
