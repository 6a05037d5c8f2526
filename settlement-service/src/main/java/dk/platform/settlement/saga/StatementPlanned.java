package dk.platform.settlement.saga;

import dk.platform.settlement.statement.SettlementPlan;

/**
 * A statement balanced and was recorded: starts its saga (a second one for the same statement
 * changes nothing). {@code submittedBy}: the user the ledger commands are sent on behalf of, or null.
 */
public record StatementPlanned(String statementId, SettlementPlan plan, String submittedBy) {
}
