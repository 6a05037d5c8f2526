package dk.platform.payroll.voucher;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.posting.DifferenceCause;
import dk.platform.payroll.posting.Totals;
import dk.platform.payroll.posting.Voucher;
import dk.platform.payroll.posting.VoucherLine;
import dk.platform.payroll.setup.Field;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The posting voucher as a page to read, print and file (SPEC §4.2): one self-contained HTML5
 * page (inline CSS, no scripts, nothing fetched), so it looks the same when opened from an
 * archive years later. It has the header (run, employer, periods, disposition date, voucher
 * number and kind, setup revision, charts, sorting code), the grand totals at the top and the
 * bottom with the ledger (central) totals beside them, a red banner when the voucher does not
 * balance, and the lines whose usage puts them on the voucher, in voucher order, with the same
 * columns as {@link VoucherCsv}.
 * <p>
 * The totals lines come first, as a block with its own subtotal. After that, a subtotal follows
 * every change of each sorting field but the last, innermost first (fields f1, f2, f3: a
 * subtotal when f2 changes within f1, then one when f1 changes). Each value of the first field
 * is a {@code tbody} of its own; when the sorting code asks for page breaks, each starts a new
 * printed page.
 */
public final class VoucherHtml {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(DANISH_TIME);
    private static final String STYLE = """
            body { font-family: "Segoe UI", Arial, sans-serif; font-size: 12px; margin: 1.5em; color: #000; }
            h1 { font-size: 18px; margin: 0 0 .5em; }
            dl.meta { display: grid; grid-template-columns: max-content auto; gap: 2px 1.5em; margin: 0 0 1em; }
            dl.meta dt { font-weight: bold; }
            dl.meta dd { margin: 0; }
            table { border-collapse: collapse; }
            th, td { padding: 2px 8px; text-align: left; vertical-align: top; }
            .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            table.lines thead { display: table-header-group; }
            table.lines thead th { border-bottom: 1px solid #000; }
            table.lines tr.sub td { font-weight: bold; border-top: 1px solid #999; }
            table.lines tr.sub0 td { border-top: 1px solid #000; }
            table.lines tbody.page { break-before: page; }
            table.totals { font-size: 14px; border: 2px solid #000; margin: 1em 0; }
            table.totals th, table.totals td { padding: 4px 12px; }
            table.totals tr.voucher td, table.totals tr.voucher th { font-weight: bold; }
            .difference { background: #fde8e8; border: 3px solid #c00; color: #900; padding: .5em 1em; margin: 1em 0; }
            .difference h2 { font-size: 18px; margin: 0 0 .5em; color: #c00; }
            .difference table td, .difference table th { border-top: 1px solid #e0a0a0; }
            """;

    private VoucherHtml() {
    }

    public static void write(Voucher voucher, VoucherHeader header, Writer out) throws IOException {
        Page page = new Page(voucher, out);
        out.write("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        out.write(esc("Bogføringsbilag " + header.voucherNo() + " – " + header.employerName() + " – kørsel " + header.runId()));
        out.write("</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
        page.header(header);
        page.difference();
        page.totals();
        page.lines();
        page.totals();
        out.write("</body>\n</html>\n");
        out.flush();
    }

    private static final class Page {
        private final Voucher voucher;
        private final Writer out;
        private final List<Field> fields;
        private final int[] columns;
        /** The sorting fields a subtotal follows the changes of: all but the last. */
        private final int levels;

        Page(Voucher voucher, Writer out) {
            this.voucher = voucher;
            this.out = out;
            this.fields = voucher.fields();
            this.columns = Danish.fieldColumns(fields);
            this.levels = Math.max(fields.size() - 1, 0);
        }

        void header(VoucherHeader header) throws IOException {
            out.write("<header>\n<h1>" + esc("Bogføringsbilag nr. " + header.voucherNo() + " (" + header.kind().danish() + ")")
                    + "</h1>\n<dl class=\"meta\">\n");
            meta("Kørsel", header.runId());
            meta("Arbejdsgiver", header.employerId() + " " + header.employerName());
            meta("Perioder", header.periods().stream().map(p -> Danish.date(p.from()) + "–" + Danish.date(p.to()))
                    .collect(Collectors.joining(", ")));
            meta("Dispositionsdato", Danish.date(header.dispositionDate()));
            meta("Opsætningsrevision", Long.toString(header.setupRevision()));
            meta("Kontoplaner", voucher.charts().stream()
                    .map(c -> c.code() + " (revision " + c.revision() + ", " + c.employees() + " medarbejdere)")
                    .collect(Collectors.joining(", ")));
            meta("Sorteringskode", voucher.sortingCode() + ": "
                    + fields.stream().map(Danish::header).collect(Collectors.joining(", "))
                    + (voucher.pageBreak() && !fields.isEmpty() ? " (ny side ved hver " + Danish.header(fields.get(0)).toLowerCase(Locale.ROOT) + ")" : ""));
            meta("Kørselslinjer", voucher.runLines() + " linjer, " + voucher.employees() + " medarbejdere");
            out.write("<dt>Dannet</dt><dd><time datetime=\"" + header.generatedAt() + "\">"
                    + GENERATED.format(header.generatedAt()) + "</time></dd>\n");
            out.write("</dl>\n</header>\n");
        }

        private void meta(String term, String value) throws IOException {
            out.write("<dt>" + esc(term) + "</dt><dd>" + esc(value) + "</dd>\n");
        }

        /** The banner a voucher that cannot be posted as it is must not be read without. */
        void difference() throws IOException {
            Totals totals = voucher.voucherTotals();
            if (totals.balanced() && voucher.difference().isZero() && voucher.causes().isEmpty()) {
                return;
            }
            // English with the Danish term beside it, as SPEC writes; never a bare 0,00 when something was left off
            boolean leftOff = voucher.difference().isZero() && !Voucher.notPosted(voucher.causes()).isZero();
            out.write("<section class=\"difference\" role=\"alert\">\n<h2>" + esc("Difference (forskel): "
                    + Danish.grouped(voucher.realDifference()) + (leftOff ? " not posted (ikke bogført)" : "")) + "</h2>\n");
            out.write("<p>" + esc("The voucher cannot be posted (bilaget kan ikke bogføres)"
                    + (leftOff ? ": it balances only because these amounts were left off it." : ".")) + "</p>\n");
            if (!totals.balanced()) {
                out.write("<p>" + esc("The voucher does not balance (bilaget balancerer ikke): debit (debet) "
                        + Danish.grouped(totals.debit()) + ", credit (kredit) " + Danish.grouped(totals.credit())
                        + ", difference (forskel) " + Danish.grouped(totals.difference()) + ".") + "</p>\n");
            }
            if (!voucher.causes().isEmpty()) {
                out.write("<table>\n<thead><tr><th>Cause (årsag)</th><th>Wage type (lønart)</th><th>Chart (kontoplan)</th>"
                        + "<th class=\"num\">Amount (beløb)</th><th>Employees (medarbejdere)</th><th>Detail (detalje)</th></tr>"
                        + "</thead>\n<tbody>\n");
                for (DifferenceCause cause : voucher.causes()) {
                    out.write("<tr><td>" + esc(cause.label()) + " <code>" + esc(cause.reason()) + "</code></td><td>"
                            + esc(cause.wageType()) + "</td><td>" + esc(cause.chart()) + "</td><td class=\"num\">"
                            + Danish.grouped(cause.amount()) + "</td><td>" + esc(cause.employeeList()) + "</td><td>"
                            + esc(cause.detail()) + "</td></tr>\n");
                }
                out.write("</tbody>\n</table>\n");
            }
            out.write("</section>\n");
        }

        void totals() throws IOException {
            out.write("<table class=\"totals\">\n<thead><tr><th></th><th class=\"num\">Debet</th><th class=\"num\">Kredit</th>"
                    + "</tr></thead>\n<tbody>\n");
            totalsRow("voucher", "I alt på bilaget", voucher.voucherTotals());
            totalsRow("central", "Til finans (central)", voucher.centralTotals());
            out.write("</tbody>\n</table>\n");
        }

        private void totalsRow(String css, String label, Totals totals) throws IOException {
            out.write("<tr class=\"" + css + "\"><th>" + esc(label) + "</th><td class=\"num\">" + Danish.grouped(totals.debit())
                    + "</td><td class=\"num\">" + Danish.grouped(totals.credit()) + "</td></tr>\n");
        }

        void lines() throws IOException {
            out.write("<table class=\"lines\">\n<thead><tr><th>Kontotekst</th>");
            for (int i : columns) {
                out.write("<th>" + esc(Danish.header(fields.get(i))) + "</th>");
            }
            out.write("<th>Konto</th><th class=\"num\">Debet</th><th class=\"num\">Kredit</th></tr></thead>\n");
            List<VoucherLine> shown = voucher.lines().stream().filter(l -> l.usage().onVoucher()).toList();
            List<VoucherLine> totals = shown.stream().filter(VoucherLine::total).toList();
            if (!totals.isEmpty()) {
                out.write("<tbody class=\"totals\">\n");
                Sum sum = new Sum();
                for (VoucherLine line : totals) {
                    line(line);
                    sum.add(line);
                }
                subtotal(0, "Subtotal totaler", sum);
                out.write("</tbody>\n");
            }
            Sum[] sums = new Sum[levels];
            VoucherLine previous = null;
            for (VoucherLine line : shown) {
                if (line.total()) {
                    continue;
                }
                if (previous != null) {
                    int changed = levels;
                    for (int i = 0; i < levels; i++) {
                        if (!Objects.equals(previous.values().get(i), line.values().get(i))) {
                            changed = i;
                            break;
                        }
                    }
                    closeLevels(changed, previous, sums);
                }
                if (previous == null || !fields.isEmpty() && !Objects.equals(previous.values().get(0), line.values().get(0))) {
                    if (previous != null) {
                        out.write("</tbody>\n");
                    }
                    out.write(voucher.pageBreak() && !fields.isEmpty() ? "<tbody class=\"page\">\n" : "<tbody>\n");
                }
                line(line);
                for (int i = 0; i < levels; i++) {
                    sums[i] = sums[i] == null ? new Sum() : sums[i];
                    sums[i].add(line);
                }
                previous = line;
            }
            if (previous != null) {
                closeLevels(0, previous, sums);
                out.write("</tbody>\n");
            }
            out.write("</table>\n");
        }

        /** Subtotals of the levels from the innermost out to {@code outermost}, for the group {@code last} ends. */
        private void closeLevels(int outermost, VoucherLine last, Sum[] sums) throws IOException {
            for (int level = levels - 1; level >= outermost; level--) {
                String value = last.values().get(level);
                subtotal(level, "Subtotal " + Danish.header(fields.get(level)) + " " + (value == null ? "(tom)" : value),
                        sums[level]);
                sums[level] = null;
            }
        }

        private void line(VoucherLine line) throws IOException {
            out.write("<tr><td>" + esc(line.text()) + "</td>");
            for (int i : columns) {
                out.write("<td>" + esc(line.values().get(i)) + "</td>");
            }
            out.write("<td>" + esc(line.account()) + "</td><td class=\"num\">" + Danish.grouped(line.debit())
                    + "</td><td class=\"num\">" + Danish.grouped(line.credit()) + "</td></tr>\n");
        }

        private void subtotal(int level, String label, Sum sum) throws IOException {
            out.write("<tr class=\"sub sub" + level + "\"><td colspan=\"" + (columns.length + 2) + "\">" + esc(label)
                    + "</td><td class=\"num\">" + Danish.grouped(sum.debit) + "</td><td class=\"num\">"
                    + Danish.grouped(sum.credit) + "</td></tr>\n");
        }
    }

    private static final class Sum {
        Money debit = Money.ZERO;
        Money credit = Money.ZERO;

        void add(VoucherLine line) {
            debit = line.debit() == null ? debit : debit.plus(line.debit());
            credit = line.credit() == null ? credit : credit.plus(line.credit());
        }
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
