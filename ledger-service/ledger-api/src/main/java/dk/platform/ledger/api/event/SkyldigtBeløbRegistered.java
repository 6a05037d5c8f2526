package dk.platform.ledger.api.event;

import dk.platform.ledger.api.DebtKind;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * An employee debt arose: lines D 61.50 / K counterAccount. Revision 2 names the employer the debt belongs to;
 * revision 1 events had none and are read as {@link #DEFAULT_EMPLOYER}'s.
 */
@Revision("2")
public record SkyldigtBeløbRegistered(String debtId, String employerId, String employeeNo, DebtKind kind, Money amount, LocalDate postingDate, String payrollRunId, String counterAccount, String debtAccount, List<PostingLine> lines) implements PostsEntry {

    /** The employer of debts registered before debts carried one (revision 1 events). */
    public static final String DEFAULT_EMPLOYER = "DEFAULT";

    @Override
    public String postedEntryId() {
        return debtId;
    }

    @Override
    public String text() {
        return "Skyldigt beløb opstået";
    }
}
