package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** An application of items to each other was undone; every remaining amount is restored. */
@Revision("1")
public record OpenItemsUnapplied(String applicationId, LocalDate postingDate, List<AppliedAmount> applications) implements LedgerEvent {
}
