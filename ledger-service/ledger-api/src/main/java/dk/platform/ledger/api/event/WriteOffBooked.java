package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** Part of an open item was written off to an alternative account. */
@Revision("1")
public record WriteOffBooked(String writeOffId, String openItemId, String lineId, LocalDate postingDate, String text, String account, Money amount, List<PostingLine> lines) implements PostsEntry {

    @Override
    public String postedEntryId() {
        return writeOffId;
    }
}
