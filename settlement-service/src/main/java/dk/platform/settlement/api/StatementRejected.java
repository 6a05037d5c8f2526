package dk.platform.settlement.api;

import dk.platform.ledger.api.Money;

/**
 * The statement did not balance to the øre; nothing was posted. {@code gap} = (remaining - fees -
 * rejected - difference) - bankAmount.
 */
public record StatementRejected(String statementId, String openItemId, String party, Money bankAmount, Money gap,
                                String reason) implements SettlementEvent {
}
