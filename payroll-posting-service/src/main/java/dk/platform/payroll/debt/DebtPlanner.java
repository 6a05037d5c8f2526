package dk.platform.payroll.debt;

import dk.platform.ledger.api.DebtKind;
import dk.platform.ledger.api.DebtWarnings;
import dk.platform.ledger.api.Money;
import dk.platform.payroll.posting.Voucher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Employee debts in a payroll run (SPEC §5), decided per employee of the run's employer: a debt
 * belongs to an employer and an employee, and employee numbers repeat across employers, so one
 * employer's payout never offsets another employer's debt.
 * <ul>
 * <li>negative net pay registers a debt of that amount: AUTO, or MANUAL for a resigned employee,
 * against the account the negative net pay was debited to;</li>
 * <li>a payout (positive net pay) to an employee with AUTO debts offsets them automatically, oldest
 * first, as far as the payout goes (8561: K 61.50 / D the net-pay account, so the payout is reduced);</li>
 * <li>8561 lines in the run are explicit offsets, of any kind of debt, oldest first, never more
 * than is outstanding; a MANUAL debt is offset only so;</li>
 * <li>warnings: RB7050 while an AUTO debt is outstanding after the run (every run the employee is
 * in), RB7061 in the run where a MANUAL debt arises, MANUAL_DEBT_NOT_OFFSET for a payout to an
 * employee with a MANUAL debt and no 8561 line.</li>
 * </ul>
 */
public final class DebtPlanner {

    public static final String OFFSET_WAGE_TYPE = "8561";

    private DebtPlanner() {
    }

    /** @param outstanding outstanding debts per employee number, oldest first; other employers' debts are left alone */
    public static DebtPlan plan(String runId, String employerId, Set<String> employeesInRun, List<Voucher.NetPay> negativeNetPay,
                                Function<String, Money> netPay, Function<String, String> netPayAccount,
                                Map<String, Money> explicitOffsets,
                                Map<String, List<OpenDebt>> outstanding) {
        List<DebtPlan.Step> steps = new ArrayList<>();
        List<DebtPlan.Warning> warnings = new ArrayList<>();
        for (Voucher.NetPay negative : negativeNetPay) {
            String employee = negative.employeeNo();
            DebtKind kind = negative.resigned() ? DebtKind.MANUAL : DebtKind.AUTO;
            String debtId = "payroll-" + runId + "-" + employee;
            Money amount = negative.amount().negate();
            if (negative.account() == null) {
                warnings.add(new DebtPlan.Warning(DebtPlan.NO_DEBT_ACCOUNT, employerId, employee, debtId, amount,
                        DebtWarnings.employee(employerId, employee) + " has negative net pay (negativ nettoløn) " + negative.amount()
                                + ", but the chart has no credit line for wage type 9991 or 9994 to register the employee debt"
                                + " (skyldigt beløb) against"));
                continue;
            }
            steps.add(new DebtPlan.Step(DebtPlan.Step.REGISTER, debtId, debtId, employerId, employee, kind, amount,
                    negative.account()));
            if (kind == DebtKind.MANUAL) {
                warnings.add(new DebtPlan.Warning(DebtWarnings.RB7061, employerId, employee, debtId, amount,
                        DebtWarnings.rb7061(employerId, employee, amount, runId)));
            }
        }
        for (String employee : employeesInRun) {
            List<OpenDebt> debts = outstanding.getOrDefault(employee, List.of()).stream()
                    .filter(debt -> employerId.equals(debt.employerId())).toList();
            Money newAuto = steps.stream().filter(s -> s.employeeNo().equals(employee) && s.kind() == DebtKind.AUTO)
                    .map(DebtPlan.Step::amount).reduce(Money.ZERO, Money::plus);
            if (debts.isEmpty() && newAuto.isZero()) {
                continue;
            }
            Money payout = netPay.apply(employee);
            Money explicit = explicitOffsets.get(employee);
            Money budget = explicit != null ? explicit : payout.isPositive() ? payout : Money.ZERO;
            Money autoLeft = newAuto;
            int n = 0;
            for (OpenDebt debt : debts) {
                Money offset = Money.ZERO;
                if (explicit != null || debt.kind() == DebtKind.AUTO) {
                    offset = budget.min(debt.outstanding());
                }
                if (offset.isPositive()) {
                    budget = budget.minus(offset);
                    steps.add(new DebtPlan.Step(DebtPlan.Step.OFFSET, "payroll-" + runId + "-8561-" + employee + "-" + ++n,
                            debt.debtId(), employerId, employee, debt.kind(), offset, netPayAccount.apply(employee)));
                }
                Money left = debt.outstanding().minus(offset);
                if (debt.kind() == DebtKind.AUTO) {
                    autoLeft = autoLeft.plus(left);
                } else if (explicit == null && payout.isPositive() && left.isPositive()) {
                    warnings.add(new DebtPlan.Warning("MANUAL_DEBT_NOT_OFFSET", employerId, employee, debt.debtId(), left,
                            "the payout of " + payout + " to " + DebtWarnings.employee(employerId, employee) + " does not offset"
                                    + " MANUAL debt " + debt.debtId() + " (skyldigt beløb, " + left + " outstanding): report wage"
                                    + " type 8561 with the payout to offset it (modregning)"));
                }
            }
            if (autoLeft.isPositive()) {
                warnings.add(new DebtPlan.Warning(DebtWarnings.RB7050, employerId, employee, null, autoLeft,
                        DebtWarnings.rb7050(employerId, employee, autoLeft)));
            }
        }
        return new DebtPlan(steps, warnings);
    }
}
