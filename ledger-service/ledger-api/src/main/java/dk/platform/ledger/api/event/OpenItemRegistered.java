package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** An open item was registered and its entry posted (receivable: D control / K offset; payable the reverse). */
@Revision("1")
public record OpenItemRegistered(String openItemId, OpenItemKind kind, String party, String documentNo, LocalDate postingDate, LocalDate dueDate, String text, Money amount, String controlAccount, String offsetAccount, List<ItemLine> itemLines, List<PostingLine> lines) implements PostsEntry {

    @Override
    public String postedEntryId() {
        return openItemId;
    }
}
