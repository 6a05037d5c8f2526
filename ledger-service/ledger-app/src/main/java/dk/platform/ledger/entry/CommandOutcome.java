package dk.platform.ledger.entry;

/** What a public ledger command did: posted now, or found already posted with the same payload. */
public enum CommandOutcome {
    POSTED, REPLAYED
}
