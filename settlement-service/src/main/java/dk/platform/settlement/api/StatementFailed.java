package dk.platform.settlement.api;

import java.util.List;

/** The ledger refused a step; what the statement had posted is reversed by {@code reversalIds}. */
public record StatementFailed(String statementId, String openItemId, String party, String reason, List<String> reversalIds)
        implements SettlementEvent {
}
