package dk.platform.ledger.api;

/**
 * The texts of the employee-debt warnings (SPEC §5), in English with the Danish term beside it,
 * shared by the ledger's 61.50 view and the payroll run so a bookkeeper reads the same words in
 * both. A warning is about one employer's employee: employee numbers repeat across employers.
 */
public final class DebtWarnings {

    /** An AUTO debt is outstanding: raised in every run until it is fully offset. */
    public static final String RB7050 = "RB7050";
    /** A MANUAL debt arose: raised only in the run where it arose. */
    public static final String RB7061 = "RB7061";

    private DebtWarnings() {
    }

    public static String rb7050(String employerId, String employeeNo, Money outstanding) {
        return RB7050 + ": " + employee(employerId, employeeNo) + " owes " + outstanding + " (skyldigt beløb, AUTO);"
                + " it is offset automatically from later payouts (wage type 8561, modregning)";
    }

    public static String rb7061(String employerId, String employeeNo, Money outstanding, String payrollRunId) {
        return RB7061 + ": " + employee(employerId, employeeNo) + " owes " + outstanding + " (skyldigt beløb, MANUAL)"
                + (payrollRunId == null ? "" : " from payroll run " + payrollRunId) + "; it is not offset automatically:"
                + " report wage type 8561 with a payout, record a cash payment or write it off (wage type 8915)";
    }

    /** "employee 1001 of employer K5": how every debt text names whose debt it is. */
    public static String employee(String employerId, String employeeNo) {
        return "employee " + employeeNo + " of employer " + employerId;
    }
}
