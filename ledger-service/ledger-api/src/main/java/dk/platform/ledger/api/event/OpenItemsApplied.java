package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * Open items of one party were applied to each other without cash. {@code lines} is what the
 * application posts: nothing, unless a posting definition generated lines for it; then the
 * control-account line of each applied item (they net to 0.00) and the generated lines. Events
 * from before application definitions have no lines.
 */
@Revision("1")
public record OpenItemsApplied(String applicationId, String party, LocalDate postingDate, String text, List<AppliedAmount> applications,
                               List<PostingLine> lines) implements PostsEntry {

    public OpenItemsApplied {
        lines = lines == null ? List.of() : lines;
    }

    public OpenItemsApplied(String applicationId, String party, LocalDate postingDate, String text, List<AppliedAmount> applications) {
        this(applicationId, party, postingDate, text, applications, List.of());
    }

    @Override
    public String postedEntryId() {
        return applicationId;
    }
}
