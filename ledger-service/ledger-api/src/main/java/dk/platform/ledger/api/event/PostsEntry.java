package dk.platform.ledger.api.event;

import dk.platform.ledger.api.PostingLine;

import java.time.LocalDate;
import java.util.List;

/** An event that posts journal lines: the konto view and the trial balance are built from these alone. */
public interface PostsEntry extends LedgerEvent {

    /** The id of the entry whose lines these are. */
    String postedEntryId();

    LocalDate postingDate();

    String text();

    List<PostingLine> lines();
}
