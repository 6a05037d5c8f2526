package dk.platform.ledger.api;

/** SAME: on the matched line's side; BALANCE: on the opposite side. */
public enum GeneratedSide {
    SAME, BALANCE
}
