package dk.platform.ledger.api.event;

import dk.platform.ledger.api.DebtKind;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** An employee debt arose: lines D 61.50 / K counterAccount. */
@Revision("1")
public record SkyldigtBeløbRegistered(String debtId, String employeeNo, DebtKind kind, Money amount, LocalDate postingDate, String payrollRunId, String counterAccount, String debtAccount, List<PostingLine> lines) implements PostsEntry {

    @Override
    public String postedEntryId() {
        return debtId;
    }

    @Override
    public String text() {
        return "Skyldigt beløb opstået";
    }
}
