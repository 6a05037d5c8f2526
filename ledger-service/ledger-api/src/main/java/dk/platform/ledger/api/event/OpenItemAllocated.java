package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** An open item's remaining amount was reduced by {@code amount} (in the item's own sign) by entry {@code entryId}.  {@code remaining} is the item's remaining amount after this event. */
@Revision("1")
public record OpenItemAllocated(String openItemId, String entryId, String lineId, Money amount, AllocationReason reason, LocalDate postingDate, Money remaining) implements LedgerEvent {
}
