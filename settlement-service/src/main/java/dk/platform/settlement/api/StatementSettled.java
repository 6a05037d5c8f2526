package dk.platform.settlement.api;

import dk.platform.ledger.api.Money;

import java.time.LocalDate;
import java.util.List;

/** Every write-off and the bank are posted; the open item is settled. */
public record StatementSettled(String statementId, String openItemId, String party, LocalDate settlementDate,
                               Money bankAmount, String paymentId, List<String> writeOffIds) implements SettlementEvent {
}
