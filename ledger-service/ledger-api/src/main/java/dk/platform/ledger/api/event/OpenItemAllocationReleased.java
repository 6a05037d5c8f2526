package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** An amount earlier allocated to an open item by {@code entryId} returned to its remaining amount. */
@Revision("1")
public record OpenItemAllocationReleased(String openItemId, String entryId, String lineId, Money amount, AllocationReason reason, LocalDate postingDate) implements LedgerEvent {
}
