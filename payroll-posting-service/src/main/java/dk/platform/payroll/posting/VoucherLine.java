package dk.platform.payroll.posting;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.chart.Usage;

import java.util.List;

/**
 * One line of a posting voucher: the sum of every posting with the same account text, sorting
 * field values (aligned with the sorting code's fields; null where the field is not set on the
 * chart line) and account, on debit or credit. {@code total} marks lines that carry nothing of
 * an employee (all fields blank or constant): one total per wage type, shown first.
 */
public record VoucherLine(String text, List<String> values, String account, Money debit, Money credit, Usage usage,
                          boolean total) {

    /** Debit minus credit. */
    public Money signed() {
        return (debit == null ? Money.ZERO : debit).minus(credit == null ? Money.ZERO : credit);
    }
}
