package dk.platform.ledger.api;

import java.util.Set;

/** The transaction types an entry may carry and a posting definition may be attached to (SPEC §2). */
public final class TransactionTypes {

    public static final String BUDGET_ORIGINAL = "BUDGET_ORIGINAL";
    public static final String YEAR_END_CLOSE = "YEAR_END_CLOSE";
    /** The default types of BookWriteOff, ApplyPayment and ApplyOpenItems: their definitions apply unless the command names another type. */
    public static final String WRITE_OFF = "WRITE_OFF";
    public static final String PAYMENT = "PAYMENT";
    public static final String APPLICATION = "APPLICATION";
    public static final Set<String> ALL = Set.of(BUDGET_ORIGINAL, "SETTLEMENT", WRITE_OFF, "ADVANCED_ENTRY", YEAR_END_CLOSE,
            PAYMENT, APPLICATION);

    private TransactionTypes() {
    }
}
