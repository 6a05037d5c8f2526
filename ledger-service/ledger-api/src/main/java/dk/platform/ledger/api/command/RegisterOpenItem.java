package dk.platform.ledger.api.command;

import dk.platform.ledger.api.*;
import java.time.LocalDate;
import java.util.List;

/** Records an invoice or credit memo owed by (RECEIVABLE) or to (PAYABLE) a party, and posts it. */
public record RegisterOpenItem(String openItemId, OpenItemKind kind, String party, String documentNo, LocalDate postingDate, LocalDate dueDate, String text, Money amount, String controlAccount, String offsetAccount, List<ItemLine> lines) {
}
