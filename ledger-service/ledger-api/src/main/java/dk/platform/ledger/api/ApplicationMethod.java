package dk.platform.ledger.api;

/** How a party's payments without explicit applications are applied (udligningsmetode). */
public enum ApplicationMethod {
    /** Oldest due date first (Saldo). */
    SALDO,
    /** Left as an unapplied payment until applied by hand. */
    MANUAL
}
