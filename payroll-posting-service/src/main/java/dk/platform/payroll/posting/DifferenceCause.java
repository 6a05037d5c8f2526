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

    /** What the reason means, in English with the Danish term beside it (SPEC §4.2). */
    public String label() {
        return switch (reason) {
            case "NOT_IN_CHART" -> "wage type " + wageType + " is not in chart " + chart + " (lønart mangler i kontoplanen)";
            case "UNBALANCED_SEQUENCES" -> "wage type " + wageType + " is posted unevenly on debit and credit in chart " + chart
                    + " (løbenumre i ubalance)";
            case "UNKNOWN_EMPLOYEE" -> "wage type " + wageType + " of an employee not registered with the employer"
                    + " (ukendt medarbejder)";
            case "CHART_NOT_VALID" -> "wage type " + wageType + " under chart " + chart + ", which is missing or not yet valid"
                    + " (kontoplan ikke gyldig)";
            case "AMOUNTS" -> "the run's amounts do not balance under the chart (beløbene balancerer ikke)";
            default -> reason;
        };
    }

    /** The employees it names, and how many more there are: "1002, 1003 and 21 more". */
    public String employeeList() {
        String named = String.join(", ", employees);
        int more = employeeCount - employees.size();
        return more > 0 ? named + " and " + more + " more" : named;
    }

    /** One sentence for a bookkeeper: what is wrong, how much, and for which employees. */
    public String describe() {
        return label() + ": " + amount + (employees.isEmpty() ? "" : (employeeCount == 1 ? ", employee " : ", employees ")
                + employeeList()) + " [" + reason + "]";
    }

    /** Whether the run's amount of this cause was left off the voucher altogether (rather than posted unevenly). */
    public boolean notPosted() {
        return reason.equals("NOT_IN_CHART") || reason.equals("UNKNOWN_EMPLOYEE") || reason.equals("CHART_NOT_VALID");
    }
}
