package dk.platform.ledger.api.event;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The employee paid in cash; the entry also records the 2913 report and its 8561 counterpart on 61.50. */
@Revision("1")
public record SkyldigtBeløbPaid(String debtId, String paymentId, Money amount, LocalDate postingDate, String cashAccount, Money outstanding, List<PostingLine> lines) implements PostsEntry {

    @Override
    public String postedEntryId() {
        return paymentId;
    }

    @Override
    public String text() {
        return "Indbetaling af skyldigt beløb (2913/8561)";
    }
}
