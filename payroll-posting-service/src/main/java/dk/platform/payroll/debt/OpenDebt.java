package dk.platform.payroll.debt;

import dk.platform.ledger.api.DebtKind;
import dk.platform.ledger.api.Money;

import java.time.LocalDate;

/**
 * An employee debt as this service knows it from ledger.events: whose it is (an employer's employee: employee numbers
 * repeat across employers), its kind, what arose and what is outstanding.
 */
public record OpenDebt(String debtId, String employerId, String employeeNo, DebtKind kind, Money amount, Money outstanding,
                       LocalDate postingDate, String payrollRunId, long sequence) {

    OpenDebt after(Money newOutstanding, long newSequence) {
        return new OpenDebt(debtId, employerId, employeeNo, kind, amount, newOutstanding, postingDate, payrollRunId, newSequence);
    }
}
