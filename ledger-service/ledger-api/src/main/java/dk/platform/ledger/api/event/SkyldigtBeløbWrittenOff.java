package dk.platform.ledger.api.event;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The rest of the debt was written off (8915 to 22.91 with 8561). */
@Revision("1")
public record SkyldigtBeløbWrittenOff(String debtId, String writeOffId, Money amount, LocalDate postingDate, String writeOffAccount, Money outstanding, List<PostingLine> lines) implements PostsEntry {

    @Override
    public String postedEntryId() {
        return writeOffId;
    }

    @Override
    public String text() {
        return "Afskrivning af skyldigt beløb (8915)";
    }
}
