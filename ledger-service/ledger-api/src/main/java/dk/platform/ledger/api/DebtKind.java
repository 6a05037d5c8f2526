package dk.platform.ledger.api;

/** An employee debt (skyldigt beløb, SPEC §5): AUTO is offset automatically by later payouts, MANUAL only explicitly. */
public enum DebtKind {
    AUTO, MANUAL
}
