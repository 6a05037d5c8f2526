package dk.platform.ledger.api.command;

import dk.platform.ledger.api.DebtKind;
import dk.platform.ledger.api.Money;

import java.time.LocalDate;

/**
 * An employee owes the employer {@code amount}: D 61.50 / K counterAccount (SPEC §5). Its entry id is {@code debtId}.
 * A debt belongs to an employer and an employee ({@code employerId}: the CVR or the payroll service's employer code),
 * since employee numbers repeat across employers.
 */
public record RegisterSkyldigtBeløb(String debtId, String employerId, String employeeNo, DebtKind kind, Money amount, LocalDate postingDate,
                                    String payrollRunId, String counterAccount) {
}
