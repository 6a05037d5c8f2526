package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A balanced journal entry was posted. */
@Revision("1")
public record JournalEntryPosted(String entryId, LocalDate postingDate, String text, String transactionType, List<PostingLine> lines) implements PostsEntry {

    @Override
    public String postedEntryId() {
        return entryId;
    }
}
