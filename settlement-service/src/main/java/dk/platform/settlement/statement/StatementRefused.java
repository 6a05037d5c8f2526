package dk.platform.settlement.statement;

/**
 * A statement that cannot even be assessed against its open item. Nothing is recorded, so the
 * same statement may be sent again once the cause is fixed (or once the item is known here).
 */
public abstract sealed class StatementRefused extends RuntimeException {

    StatementRefused(String message) {
        super(message);
    }

    /** The open item is not known to the settlement service (yet: it learns items from ledger.events). */
    public static final class UnknownOpenItem extends StatementRefused {
        public UnknownOpenItem(String message) {
            super(message);
        }
    }

    /** A bookkeeping rule says no: item not open, another party's item, an unknown line, a line over-drawn. */
    public static final class RuleViolation extends StatementRefused {
        public RuleViolation(String message) {
            super(message);
        }
    }
}
