package dk.platform.payroll.employer;

import dk.platform.payroll.setup.Field;

import java.time.LocalDate;

/**
 * An employee's employment data from a date on (until the next version): the values chart lines
 * with {@code ANS} take, the deviating chart (afvigende kontoplan) if any, and whether the
 * employee has resigned.
 */
public record Employment(LocalDate from, String department, String payoutPlace, String jobCategory, String payGroup,
                         String payType, String optional1, String optional2, String optional3, String optional4,
                         String optional5, String optional6, String deviatingChart, boolean resigned) {

    /** The value of a field as the employee has it (null for fields an employment does not carry). */
    public String value(Field field) {
        return switch (field) {
            case DEPARTMENT -> department;
            case PAYOUT_PLACE -> payoutPlace;
            case JOB_CATEGORY -> jobCategory;
            case PAY_GROUP -> payGroup;
            case PAY_TYPE -> payType;
            case OPTIONAL1 -> optional1;
            case OPTIONAL2 -> optional2;
            case OPTIONAL3 -> optional3;
            case OPTIONAL4 -> optional4;
            case OPTIONAL5 -> optional5;
            case OPTIONAL6 -> optional6;
            default -> null;
        };
    }
}
