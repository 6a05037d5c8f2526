package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** An account was added to the chart of accounts. */
@Revision("1")
public record AccountOpened(String number, String name, AccountType type) implements LedgerEvent {
}
