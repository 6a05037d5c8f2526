package dk.platform.ledger.domain;

/**
 * A command the ledger refuses. Each subtype maps to one status of SPEC §0; the message is the
 * problem's {@code detail} and names the rule and the numbers.
 */
public abstract sealed class LedgerException extends RuntimeException
        permits LedgerException.Invalid, LedgerException.NotFound, LedgerException.Conflict, LedgerException.Gone,
        LedgerException.RuleViolation {

    protected LedgerException(String message) {
        super(message, null, false, false);
    }

    /** 400: malformed or invalid input. */
    public static final class Invalid extends LedgerException {
        public Invalid(String message) { super(message); }
    }

    /** 404: an unknown id. */
    public static final class NotFound extends LedgerException {
        public NotFound(String message) { super(message); }
    }

    /** 409: an id reused with another payload, or a concurrent modification. */
    public static final class Conflict extends LedgerException {
        public Conflict(String message) { super(message); }
    }

    /** 410: the thing named was there and has been retired on purpose; the message says how to bring it back. */
    public static final class Gone extends LedgerException {
        public Gone(String message) { super(message); }
    }

    /** 422: a business rule says no. */
    public static final class RuleViolation extends LedgerException {
        public RuleViolation(String message) { super(message); }
    }
}
