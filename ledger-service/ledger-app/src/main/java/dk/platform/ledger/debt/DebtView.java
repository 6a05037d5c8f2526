package dk.platform.ledger.debt;

import dk.platform.ledger.api.DebtKind;
import dk.platform.ledger.api.DebtWarnings;
import dk.platform.ledger.api.Money;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One employer's employee debt in the 61.50 view: {@code outstanding = arisen - offset - paid - writtenOff}. */
@Document("employee_debts")
public class DebtView {

    public static final String COLLECTION = "employee_debts";

    public record Warning(String code, String payrollRunId, String message) {
    }

    public record HistoryEntry(String type, String id, LocalDate postingDate, Money amount, String payrollRunId) {
    }

    @Id
    public String debtId;
    public String employerId;
    public String employeeNo;
    public DebtKind kind;
    public String payrollRunId;
    public LocalDate postingDate;
    public Money arisen;
    public Money offset = Money.ZERO;
    public Money paid = Money.ZERO;
    public Money writtenOff = Money.ZERO;
    public Money outstanding;
    public List<Warning> warnings = new ArrayList<>();
    public List<HistoryEntry> history = new ArrayList<>();
    @JsonIgnore
    public long lastSequence;

    /** The key of one employer's employee in the index: ids have no '/', so it is unambiguous (employee numbers repeat across employers). */
    static String employeeKey(String employerId, String employeeNo) {
        return employerId + "/" + employeeNo;
    }

    /** RB7050 stands while an AUTO debt is outstanding; RB7061 belongs to the run where a MANUAL debt arose. */
    void updateWarnings() {
        warnings = outstanding.isZero() ? List.of()
                : List.of(kind == DebtKind.AUTO
                ? new Warning(DebtWarnings.RB7050, null, DebtWarnings.rb7050(employerId, employeeNo, outstanding))
                : new Warning(DebtWarnings.RB7061, payrollRunId, DebtWarnings.rb7061(employerId, employeeNo, outstanding, payrollRunId)));
    }
}
