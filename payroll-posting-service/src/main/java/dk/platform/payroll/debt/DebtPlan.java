package dk.platform.payroll.debt;

import dk.platform.ledger.api.DebtKind;
import dk.platform.ledger.api.Money;

import java.util.List;

/**
 * What approving a run does to employee debts (SPEC §5), worked out when its voucher is
 * generated: debts to register (negative net pay) and offsets (8561) to send to the ledger, and
 * the warnings the run carries.
 */
public record DebtPlan(List<Step> steps, List<Warning> warnings) {

    public static final DebtPlan NONE = new DebtPlan(List.of(), List.of());

    /** REGISTER a debt (id = debt id) or OFFSET part of one (id = the offset's id). */
    public record Step(String type, String id, String debtId, String employerId, String employeeNo, DebtKind kind, Money amount,
                       String counterAccount) {

        public static final String REGISTER = "REGISTER";
        public static final String OFFSET = "OFFSET";
    }

    /**
     * Of the run's employer's employee. RB7050 (an AUTO debt is outstanding after this run), RB7061 (a MANUAL debt arises in this
     * run), MANUAL_DEBT_NOT_OFFSET (a payout to an employee with a MANUAL debt and no 8561 line),
     * NO_DEBT_ACCOUNT (negative net pay, but the chart gives no account to register the debt against).
     */
    public record Warning(String code, String employerId, String employeeNo, String debtId, Money amount, String message) {
    }

    public static final String NO_DEBT_ACCOUNT = "NO_DEBT_ACCOUNT";

    /** The warnings that stop an approval: a debt that could not be registered. */
    public List<Warning> blocking() {
        return warnings.stream().filter(w -> w.code().equals(NO_DEBT_ACCOUNT)).toList();
    }
}
