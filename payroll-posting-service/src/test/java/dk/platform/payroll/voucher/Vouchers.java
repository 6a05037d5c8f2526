package dk.platform.payroll.voucher;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.chart.Usage;
import dk.platform.payroll.posting.DifferenceCause;
import dk.platform.payroll.posting.Totals;
import dk.platform.payroll.posting.Voucher;
import dk.platform.payroll.posting.VoucherLine;
import dk.platform.payroll.setup.Field;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Hand-made vouchers for the renderer tests, with totals summed as the engine sums them. */
final class Vouchers {

    static final VoucherHeader HEADER = new VoucherHeader("R1", "E1", "Arbejdsgiver", List.of(
            new VoucherHeader.Period(LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 30))), LocalDate.of(2024, 11, 28),
            1, VoucherKind.RUN, 1L, Instant.parse("2024-11-27T12:00:00Z"));

    private Vouchers() {
    }

    static Voucher voucher(List<Field> fields, boolean pageBreak, List<DifferenceCause> causes, VoucherLine... lines) {
        List<VoucherLine> all = List.of(lines);
        Money difference = all.stream().map(VoucherLine::signed).reduce(Money.ZERO, Money::plus);
        return new Voucher("S1", fields, pageBreak, all, totals(all, l -> l.usage().onVoucher()),
                totals(all, l -> l.usage().onSpreadsheet()), totals(all, l -> l.usage().central()), difference, causes,
                List.of(new Voucher.ChartUse("A1", 1L, 1)), all.size(), 1, List.of());
    }

    static Voucher voucher(List<Field> fields, boolean pageBreak, VoucherLine... lines) {
        return voucher(fields, pageBreak, List.of(), lines);
    }

    /** A line on the voucher and in the ledger; a negative amount is a credit. */
    static VoucherLine line(String text, String account, String amount, String... values) {
        return line(Usage.VOUCHER_AND_CENTRAL, false, text, account, amount, values);
    }

    static VoucherLine line(Usage usage, boolean total, String text, String account, String amount, String... values) {
        Money money = Money.of(amount);
        return new VoucherLine(text, Arrays.asList(values), account, money.isPositive() ? money : null,
                money.isNegative() ? money.negate() : null, usage, total);
    }

    static String csv(Voucher voucher) {
        StringWriter out = new StringWriter();
        try {
            VoucherCsv.write(voucher, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String html(Voucher voucher) {
        return html(voucher, HEADER);
    }

    static String html(Voucher voucher, VoucherHeader header) {
        StringWriter out = new StringWriter();
        try {
            VoucherHtml.write(voucher, header, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Totals totals(List<VoucherLine> lines, Predicate<VoucherLine> on) {
        Money debit = Money.ZERO;
        Money credit = Money.ZERO;
        for (VoucherLine line : lines) {
            if (on.test(line)) {
                debit = line.debit() == null ? debit : debit.plus(line.debit());
                credit = line.credit() == null ? credit : credit.plus(line.credit());
            }
        }
        return new Totals(debit, credit);
    }
}
