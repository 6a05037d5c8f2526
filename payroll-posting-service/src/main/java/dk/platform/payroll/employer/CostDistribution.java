package dk.platform.payroll.employer;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.setup.Field;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A cost distribution (fordeling af lønudgifter, SPEC §4.3) on an employee: the amounts of a wage
 * type between two dates go, by percent or as a fixed amount, to another value of a field
 * (department, payout place or optional1..6). No to-date means 9999-12-31.
 */
public record CostDistribution(String wageType, LocalDate from, LocalDate to, Field field, String value,
                               BigDecimal percent, Money amount) {

    public static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    public boolean appliesTo(String wageTypeCode, LocalDate date) {
        return wageType.equals(wageTypeCode) && !from.isAfter(date) && !(to == null ? OPEN_END : to).isBefore(date);
    }
}
