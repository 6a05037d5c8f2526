package dk.platform.settlement.saga;

import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.settlement.statement.StatementStatus;

/**
 * Where the saga records what it does, for {@code GET /api/settlements/{id}}. Every call sets
 * state (never adds to it), so a step that runs again after a redelivery leaves the same record.
 */
public interface SettlementProgress {

    void statusChanged(String statementId, StatementStatus status, String reason);

    void commandSent(String statementId, String commandId, String type);

    void commandAnswered(String statementId, LedgerCommandResult answer);
}
