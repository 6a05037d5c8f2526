package dk.platform.settlement.statement;

/**
 * PLANNED: checked and recorded; POSTING: the saga is sending commands (also while it compensates);
 * SETTLED: the bank is posted and the item closed; REJECTED: it did not balance, nothing posted;
 * FAILED: the ledger refused a step and what was posted is reversed.
 */
public enum StatementStatus {
    PLANNED, POSTING, SETTLED, REJECTED, FAILED;

    public boolean isFinal() {
        return this == SETTLED || this == REJECTED || this == FAILED;
    }
}
