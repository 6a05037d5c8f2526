package dk.platform.ledger.api;

/** Why an open item's remaining amount changed. */
public enum AllocationReason {
    PAYMENT, APPLICATION, WRITE_OFF, REVERSAL, UNAPPLY
}
