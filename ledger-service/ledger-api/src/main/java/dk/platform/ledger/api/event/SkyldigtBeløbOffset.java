package dk.platform.ledger.api.event;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** Part of a later payout offset the debt (wage type 8561); {@code outstanding} is what remains after it. */
@Revision("1")
public record SkyldigtBeløbOffset(String debtId, String offsetId, Money amount, LocalDate postingDate, String payrollRunId, Money outstanding, List<PostingLine> lines) implements PostsEntry {

    @Override
    public String postedEntryId() {
        return offsetId;
    }

    @Override
    public String text() {
        return "Modregning af skyldigt beløb (8561)";
    }
}
