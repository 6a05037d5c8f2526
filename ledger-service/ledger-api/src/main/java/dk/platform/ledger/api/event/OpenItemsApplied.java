package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** Open items of one party were applied to each other without cash. */
@Revision("1")
public record OpenItemsApplied(String applicationId, String party, LocalDate postingDate, String text, List<AppliedAmount> applications) implements LedgerEvent {
}
