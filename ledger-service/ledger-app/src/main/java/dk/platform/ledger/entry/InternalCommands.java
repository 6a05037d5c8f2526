package dk.platform.ledger.entry;

import dk.platform.ledger.api.AllocationReason;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.event.LedgerEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Commands the ledger sends itself while handling a public command that spans several entries
 * (a payment, an application, a reversal). They run in the public command's unit of work, so
 * all of it commits in one transaction or none of it does.
 */
final class InternalCommands {

    private InternalCommands() {
    }

    /** Creates the entry that {@code event} describes. */
    record RecordEntry(LedgerEvent event) {
    }

    /** Reduces an item's remaining amount by {@code amount} (in the item's sign); no line: spread over the lines in order. */
    record AllocateOpenItem(@TargetAggregateIdentifier String openItemId, String entryId, String lineId, Money amount,
                            AllocationReason reason, LocalDate postingDate) {
    }

    /** Gives back to an item everything entry {@code entryId} allocated to it. */
    record ReleaseAllocations(@TargetAggregateIdentifier String openItemId, String entryId, AllocationReason reason,
                              LocalDate postingDate) {
    }

    /** Reverses the entry itself; answers the allocations it had made, for the caller to release. */
    record ReverseOwnEntry(@TargetAggregateIdentifier String entryId, String reversalId, LocalDate postingDate, String text) {
    }

    /** Records that a closing entry closed a fiscal year. */
    record MarkYearClosed(@TargetAggregateIdentifier String closingId, int fiscalYear, String fundClass, LocalDate postingDate) {
    }

    /** Marks an application of items to each other undone; answers its allocations, for the caller to release. */
    record MarkUnapplied(@TargetAggregateIdentifier String applicationId, LocalDate postingDate) {
    }
}
