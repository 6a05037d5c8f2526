package dk.platform.payroll.voucher;

import dk.platform.payroll.posting.SpecRow;
import dk.platform.payroll.setup.Field;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The voucher with specification (bogføringsbilag med spec., SPEC §4.2) as CSV, written row by
 * row as the posting engine makes them, so a run of any size needs no memory for it. One row per
 * posting of an employee's amount: Medarbejdernr., Lønart, Beløb (the employee's amount),
 * Kontoplan, Kontoplanlinje (1-based line number), Linje (the line's group/wageType/seq/side),
 * Andel (the share posted after cost distribution), Kontotekst, the sorting fields, Konto, Debet,
 * Kredit, Bemærkning (why an amount was not posted, e.g. NOT IN CHART). Same conventions as
 * {@link VoucherCsv}: UTF-8 with a byte order mark (the writer must encode UTF-8), {@code ;},
 * decimal comma, CR LF. A failed write in {@link #accept} is an {@link UncheckedIOException}.
 */
public final class SpecCsv implements Consumer<SpecRow>, Flushable {

    private final Csv csv;
    private final int[] columns;

    /** Writes the byte order mark and the header row; {@code fields} are the sorting code's. */
    public SpecCsv(Writer out, List<Field> fields) throws IOException {
        this.csv = new Csv(out);
        this.columns = Danish.fieldColumns(fields);
        List<String> header = new ArrayList<>(List.of("Medarbejdernr.", "Lønart", "Beløb", "Kontoplan",
                "Kontoplanlinje", "Linje", "Andel", "Kontotekst"));
        for (int i : columns) {
            header.add(Danish.header(fields.get(i)));
        }
        header.addAll(List.of(Danish.header(Field.ACCOUNT), "Debet", "Kredit", "Bemærkning"));
        csv.row(header);
    }

    @Override
    public void accept(SpecRow row) {
        List<String> cells = new ArrayList<>(List.of(nz(row.employeeNo()), nz(row.wageType()), Danish.plain(row.amount()),
                nz(row.chart()), row.chartLineNo() == null ? "" : row.chartLineNo().toString(), nz(row.chartLine()),
                Danish.plain(row.share()), nz(row.text())));
        for (int i : columns) {
            cells.add(row.values() == null ? "" : row.values().get(i));
        }
        cells.addAll(List.of(nz(row.account()), Danish.plain(row.debit()), Danish.plain(row.credit()), nz(row.note())));
        try {
            csv.row(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
