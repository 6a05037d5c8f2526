package dk.platform.payroll.posting;

import dk.platform.ledger.api.Money;

/**
 * One line of a payroll run: an employee's amount on a wage type, with optional input posting
 * (inputkontering) that overrides department, payout place, account or optional1..6 (and wins
 * over a cost distribution), and the input value that chart lines with {@code LØNOPL} take.
 */
public record RunLine(String employeeNo, String wageType, Money amount, Overrides overrides) {

    public record Overrides(String department, String payoutPlace, String account, String optional1, String optional2,
                            String optional3, String optional4, String optional5, String optional6, String inputValue) {

        public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null, null);

        public String optional(int index) {
            return switch (index) {
                case 0 -> optional1;
                case 1 -> optional2;
                case 2 -> optional3;
                case 3 -> optional4;
                case 4 -> optional5;
                default -> optional6;
            };
        }

        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    public RunLine {
        overrides = overrides == null ? Overrides.NONE : overrides;
    }
}
