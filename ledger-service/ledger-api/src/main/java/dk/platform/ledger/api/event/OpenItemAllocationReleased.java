package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** An amount earlier allocated to an open item by {@code entryId} returned to its remaining amount.  {@code remaining} is the item's remaining amount after this event. */
@Revision("1")
public record OpenItemAllocationReleased(String openItemId, String entryId, String lineId, Money amount, AllocationReason reason, LocalDate postingDate, Money remaining) implements LedgerEvent {
}
