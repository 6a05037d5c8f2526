package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * An application of items to each other was undone; every remaining amount is restored, and the
 * lines the application posted (if any) are posted back with debit and credit swapped.
 */
@Revision("1")
public record OpenItemsUnapplied(String applicationId, LocalDate postingDate, List<AppliedAmount> applications,
                                 List<PostingLine> lines) implements PostsEntry {

    public OpenItemsUnapplied {
        lines = lines == null ? List.of() : lines;
    }

    public OpenItemsUnapplied(String applicationId, LocalDate postingDate, List<AppliedAmount> applications) {
        this(applicationId, postingDate, applications, List.of());
    }

    @Override
    public String postedEntryId() {
        return applicationId;
    }

    /** The posting text of the swapped lines (the event has no text of its own). */
    @Override
    public String text() {
        return "Fortryd udligning " + applicationId;
    }
}
