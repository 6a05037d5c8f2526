package dk.platform.ledger.api.command;

import dk.platform.ledger.api.*;
import java.time.LocalDate;
import java.util.List;

/** Posts a balanced journal entry (bilag); its id is the entry id. */
public record PostJournalEntry(String entryId, LocalDate postingDate, String text, String transactionType, List<PostingLine> lines) {
}
