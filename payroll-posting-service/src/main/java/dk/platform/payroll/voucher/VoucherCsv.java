package dk.platform.payroll.voucher;

import dk.platform.payroll.posting.Voucher;
import dk.platform.payroll.posting.VoucherLine;
import dk.platform.payroll.setup.Field;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The voucher as a spreadsheet (SPEC §4.2): the lines whose usage puts them on the spreadsheet,
 * in voucher order, with no subtotals and no totals row, so that the file can be summed and
 * filtered as it is. Columns: Kontotekst, the sorting fields in the sorting code's order, Konto,
 * Debet, Kredit; the account is a sorting field only by the order of the lines, its column is
 * always the one before Debet. A field not set on a line and the side a line is not on are empty.
 * <p>
 * Danish spreadsheet conventions: UTF-8 with a byte order mark (so Excel shows æøå; the writer
 * must encode UTF-8), {@code ;} between cells, decimal comma and no thousands separator
 * ({@code 1234,50}), CR LF line ends, a cell quoted when it holds {@code ;}, {@code "} or a line
 * break.
 */
public final class VoucherCsv {

    private VoucherCsv() {
    }

    public static void write(Voucher voucher, Writer out) throws IOException {
        Csv csv = new Csv(out);
        int[] columns = Danish.fieldColumns(voucher.fields());
        List<String> header = new ArrayList<>();
        header.add("Kontotekst");
        for (int i : columns) {
            header.add(Danish.header(voucher.fields().get(i)));
        }
        header.addAll(List.of(Danish.header(Field.ACCOUNT), "Debet", "Kredit"));
        csv.row(header);
        for (VoucherLine line : voucher.lines()) {
            if (!line.usage().onSpreadsheet()) {
                continue;
            }
            List<String> row = new ArrayList<>();
            row.add(line.text());
            for (int i : columns) {
                row.add(line.values().get(i));
            }
            row.add(line.account());
            row.add(Danish.plain(line.debit()));
            row.add(Danish.plain(line.credit()));
            csv.row(row);
        }
        csv.flush();
    }
}
