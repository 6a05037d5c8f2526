package dk.platform.payroll.posting;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.payroll.setup.Field;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A posting voucher (bogføringsbilag): its lines in voucher order, the sorting fields they are
 * grouped by, the totals of each output, the difference of all postings and its causes, which
 * charts were used, and the employees paid negative net pay (wage type 9991 below zero).
 */
public record Voucher(String sortingCode, List<Field> fields, boolean pageBreak, List<VoucherLine> lines,
                      Totals voucherTotals, Totals spreadsheetTotals, Totals centralTotals, Money difference,
                      List<DifferenceCause> causes, List<ChartUse> charts, long runLines, int employees,
                      List<NetPay> negativeNetPay) {

    public record ChartUse(String code, long revision, int employees) {
    }

    /**
     * An employee paid negative net pay: the amount (negative), the account it was debited to
     * (what the employee debt is registered against) and whether the employee has resigned.
     */
    public record NetPay(String employeeNo, Money amount, String account, boolean resigned) {
    }

    /** Whether the voucher may go to the ledger: no difference, no cause, central lines balanced. */
    public boolean postable() {
        return difference.isZero() && causes.isEmpty() && centralTotals.balanced();
    }

    /**
     * The difference a bookkeeper must see on a voucher that cannot be posted: the voucher's own when it has one;
     * otherwise what was left off it (the voucher balances without it); otherwise the CENTRAL lines' difference.
     */
    public Money realDifference() {
        return realDifference(difference, causes, centralTotals);
    }

    /** {@link #realDifference()} of a voucher as stored with its run. */
    public static Money realDifference(Money difference, List<DifferenceCause> causes, Totals central) {
        if (!difference.isZero()) {
            return difference;
        }
        Money notPosted = notPosted(causes);
        return !notPosted.isZero() ? notPosted : central.difference();
    }

    /** The amounts of the run left off the voucher (a wage type not in the chart, an unknown employee, a chart not valid). */
    public static Money notPosted(List<DifferenceCause> causes) {
        return causes.stream().filter(DifferenceCause::notPosted).map(DifferenceCause::amount).reduce(Money.ZERO, Money::plus);
    }

    /** The CENTRAL lines summed per account, as the lines of one journal entry (zero sums left out). */
    public List<PostingLine> centralPostings() {
        Map<String, Money> byAccount = new TreeMap<>();
        for (VoucherLine line : lines) {
            if (line.usage().central()) {
                byAccount.merge(line.account(), line.signed(), Money::plus);
            }
        }
        return byAccount.entrySet().stream().filter(e -> !e.getValue().isZero())
                .map(e -> PostingLine.debit(e.getKey(), e.getValue())).toList();
    }
}
