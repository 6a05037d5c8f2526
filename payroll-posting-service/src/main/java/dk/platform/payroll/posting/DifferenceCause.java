package dk.platform.payroll.posting;

import dk.platform.ledger.api.Money;

import java.util.List;

/**
 * Why a voucher does not balance, naming the wage type, the chart and the employees (the first
 * {@value #NAMED} of them; {@code employeeCount} says how many there are). Reasons:
 * NOT_IN_CHART (the chart has no line for the wage type), UNBALANCED_SEQUENCES (the wage type is
 * posted more than once but not as many times on debit as on credit), UNKNOWN_EMPLOYEE,
 * CHART_NOT_VALID (a deviating chart not yet valid or missing), AMOUNTS (the run's amounts
 * themselves do not balance under the chart).
 */
public record DifferenceCause(String reason, String wageType, String chart, Money amount, int employeeCount,
                              List<String> employees, String detail) {

    public static final int NAMED = 20;
}
