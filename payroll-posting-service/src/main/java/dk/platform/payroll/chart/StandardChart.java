package dk.platform.payroll.chart;

import dk.platform.payroll.setup.Violations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-only standard chart {@code SD} as shipped in {@code sd/sd-standard-chart.csv} (a copy
 * of the shared domain file: section, wage type, seq, side, account, account name). The file
 * lists some lines under more than one section; a line is the same line when group, wage type,
 * seq, side and account are equal, and then only its first text counts. The wage-type catalogue
 * starts with SD's wage types, each with the first account name seen for it.
 */
final class StandardChart {

    static final String RESOURCE = "/sd/sd-standard-chart.csv";
    static final String HEADER = "section;wage_type;seq;side;account;account_name";
    static final String DESCRIPTION = "SD standardkontoplan";
    static final LocalDate VALID_FROM = LocalDate.of(2000, 1, 1);

    private StandardChart() {
    }

    /** SD's lines and the wage-type texts they give. */
    record Content(List<ChartLine> lines, Map<String, String> wageTypeTexts) {

        Chart chart(long revision) {
            return new Chart(Chart.STANDARD, DESCRIPTION, VALID_FROM, null, true, lines, revision);
        }
    }

    static Content shipped() {
        try (InputStream in = StandardChart.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Content read(byte[] csv) {
        Violations v = new Violations();
        String text = ChartCsv.decode(csv, v);
        List<ChartCsv.Row> rows = text == null ? List.of() : ChartCsv.rows(text, v);
        if (rows.isEmpty() || !String.join(";", rows.get(0).cells()).equals(HEADER)) {
            v.add(1, null, "the first line must be " + HEADER);
        }
        List<ChartLine> lines = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        for (ChartCsv.Row row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            List<String> c = row.cells();
            if (c.size() != 6) {
                v.add(row.line(), null, "expected 6 cells, found " + c.size());
                continue;
            }
            ChartLine line = ChartRules.line(new LineInput(null, "*", c.get(1), c.get(2), c.get(3), c.get(4), c.get(5),
                    null, null, null, null, null, null, null, null, null, "no", null), row.line(), v);
            if (seen.add(List.of(line.group(), String.valueOf(line.wageType()), line.seq(), String.valueOf(line.side()),
                    String.valueOf(line.account())))) {
                lines.add(line);
            }
            texts.putIfAbsent(line.wageType(), line.text());
        }
        if (!v.isEmpty()) {
            throw new IllegalStateException("the standard chart " + RESOURCE + " is not valid: " + v.list());
        }
        return new Content(lines, texts);
    }
}
