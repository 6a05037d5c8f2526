package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A balanced journal entry was posted. {@code lines} are what posts (including lines a posting
 * definition generated, marked by {@code generatedBy}); {@code budgetLines} are the budget amounts
 * a BUDGET_ORIGINAL entry records without posting them (empty otherwise).
 */
@Revision("2")
public record JournalEntryPosted(String entryId, LocalDate postingDate, String text, String transactionType, List<PostingLine> lines, List<PostingLine> budgetLines) implements PostsEntry {

    public JournalEntryPosted(String entryId, LocalDate postingDate, String text, String transactionType, List<PostingLine> lines) {
        this(entryId, postingDate, text, transactionType, lines, List.of());
    }

    @Override
    public String postedEntryId() {
        return entryId;
    }
}
