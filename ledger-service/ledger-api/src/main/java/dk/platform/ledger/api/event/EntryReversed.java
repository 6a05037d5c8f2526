package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** Entry {@code entryId} was reversed by entry {@code reversalId}: the lines are the original's with debit and credit swapped. If the original was an open item's own entry, the item is cancelled. */
@Revision("1")
public record EntryReversed(String entryId, String reversalId, LocalDate postingDate, String text, List<PostingLine> lines, boolean openItemCancelled) implements PostsEntry {

    @Override
    public String postedEntryId() {
        return reversalId;
    }
}
