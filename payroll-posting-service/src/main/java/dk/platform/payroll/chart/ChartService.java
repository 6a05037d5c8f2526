package dk.platform.payroll.chart;

import dk.platform.ledger.api.InputRules;
import dk.platform.payroll.setup.Field;
import dk.platform.payroll.setup.Saved;
import dk.platform.payroll.setup.SetupError;
import dk.platform.payroll.setup.SetupException;
import dk.platform.payroll.setup.SetupKind;
import dk.platform.payroll.setup.SetupStore;
import dk.platform.payroll.setup.Violations;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dk.platform.payroll.setup.SetupInput.lineNumbers;

/**
 * The chart changes the API offers: validates (400), checks what must or must not exist (404,
 * 409), applies the business rules (422: SD is read-only) and saves through {@link SetupStore},
 * one history entry per change. A change that changes nothing is answered with the stored chart
 * and writes nothing (a repeated PUT is free).
 */
@Service
class ChartService {

    private final SetupStore store;
    private final Charts charts;

    ChartService(SetupStore store, Charts charts) {
        this.store = store;
        this.charts = charts;
    }

    Chart chart(String code) {
        return charts.chart(code).orElseThrow(() -> SetupException.notFound("chart " + InputRules.quote(code) + " does not exist"));
    }

    Chart chartAt(String code, long revision) {
        if (revision < 0) {
            throw SetupException.invalid(List.of(new SetupError(null, "revision", "revision must be 0 or more, was " + revision)));
        }
        chart(code);
        return charts.chartAt(code, revision).orElseThrow(() -> SetupException.notFound("chart '" + code
                + "' did not exist yet at setup revision " + revision));
    }

    Chart copyChart(String source, String code, String description, LocalDate validFrom, String by) {
        Chart from = chart(source);
        String text = description == null ? from.description() : description;
        LocalDate date = validFrom == null ? from.validFrom() : validFrom;
        Violations v = new Violations();
        ChartRules.chartCode("code", code, v);
        ChartRules.chartHeader(text, date, from.groupField(), v);
        v.throwIfAny();
        if (charts.chart(code).isPresent()) {
            throw SetupException.exists("chart " + InputRules.quote(code) + " exists already; copy to another code, or change " + code
                    + " with PUT /api/charts/" + code);
        }
        return store.save(SetupKind.CHART, by, new SetupStore.Change<>(code, SetupStore.NEW, "copy from " + source,
                r -> new Chart(code, text.strip(), date, from.groupField(), false, from.lines(), r)));
    }

    /** Changes a chart's description, valid-from date and group field, or creates an empty chart. */
    Saved<Chart> putChart(String code, String description, LocalDate validFrom, Field groupField, String by) {
        Violations v = new Violations();
        ChartRules.chartCode("code", code, v);
        ChartRules.chartHeader(description, validFrom, groupField, v);
        v.throwIfAny();
        Chart now = charts.chart(code).orElse(null);
        if (now == null) {
            return new Saved<>(store.save(SetupKind.CHART, by, new SetupStore.Change<>(code, SetupStore.NEW, "create",
                    r -> new Chart(code, description.strip(), validFrom, groupField, false, List.of(), r))), true);
        }
        refuseReadOnly(now);
        ChartRules.chartLines(now.lines(), lineNumbers(now.lines().size()), groupField, v);
        v.throwIfAny();
        Chart changed = new Chart(code, description.strip(), validFrom, groupField, false, now.lines(), now.revision());
        if (changed.equals(now)) {
            return new Saved<>(now, false);
        }
        return new Saved<>(store.save(SetupKind.CHART, by, new SetupStore.Change<>(code, now.revision(), "update",
                r -> new Chart(code, changed.description(), validFrom, groupField, false, now.lines(), r))), false);
    }

    Chart replaceLines(String code, List<LineInput> inputs, String by) {
        Chart chart = editable(code);
        Violations v = new Violations();
        List<ChartLine> lines = ChartRules.lines(inputs, lineNumbers(inputs.size()), chart.groupField(), v);
        v.throwIfAny();
        return changeLines(chart, lines, "replaceLines", by);
    }

    /** Replaces all lines by a CSV file's; any error in the file and nothing is imported. */
    Chart importCsv(String code, byte[] csv, String by) {
        Chart chart = editable(code);
        Violations v = new Violations();
        ChartCsv.Parsed parsed = ChartCsv.read(csv, v);
        List<ChartLine> lines = ChartRules.lines(parsed.lines(), parsed.where(), chart.groupField(), v);
        v.throwIfAny();
        return changeLines(chart, lines, "importCsv", by);
    }

    NumberedLine addLine(String code, LineInput input, String by) {
        Chart chart = editable(code);
        List<ChartLine> lines = new ArrayList<>(chart.lines());
        lines.add(validLine(input));
        Chart changed = changeLines(chart, checked(lines, chart.groupField()), "addLine " + lines.size(), by);
        return NumberedLine.of(lines.size(), changed.lines().get(lines.size() - 1));
    }

    NumberedLine putLine(String code, int lineNo, LineInput input, String by) {
        Chart chart = editable(code);
        existingLine(chart, lineNo);
        List<ChartLine> lines = new ArrayList<>(chart.lines());
        lines.set(lineNo - 1, validLine(input));
        Chart changed = changeLines(chart, checked(lines, chart.groupField()), "updateLine " + lineNo, by);
        return NumberedLine.of(lineNo, changed.lines().get(lineNo - 1));
    }

    Chart deleteLine(String code, int lineNo, String by) {
        Chart chart = editable(code);
        existingLine(chart, lineNo);
        List<ChartLine> lines = new ArrayList<>(chart.lines());
        lines.remove(lineNo - 1);
        return changeLines(chart, lines, "deleteLine " + lineNo, by);
    }

    NumberedLine line(String code, int lineNo) {
        Chart chart = chart(code);
        existingLine(chart, lineNo);
        return NumberedLine.of(lineNo, chart.lines().get(lineNo - 1));
    }

    private static ChartLine validLine(LineInput input) {
        Violations v = new Violations();
        ChartLine line = ChartRules.line(input, null, v);
        v.throwIfAny();
        return line;
    }

    private static List<ChartLine> checked(List<ChartLine> lines, Field groupField) {
        Violations v = new Violations();
        ChartRules.chartLines(lines, lineNumbers(lines.size()), groupField, v);
        v.throwIfAny();
        return lines;
    }

    private Chart changeLines(Chart chart, List<ChartLine> lines, String action, String by) {
        if (lines.equals(chart.lines())) {
            return chart;
        }
        return store.save(SetupKind.CHART_LINES, by, new SetupStore.Change<>(chart.code(), chart.revision(), action,
                r -> new Chart(chart.code(), chart.description(), chart.validFrom(), chart.groupField(), false, lines, r)));
    }

    private Chart editable(String code) {
        Chart chart = chart(code);
        refuseReadOnly(chart);
        return chart;
    }

    private static void refuseReadOnly(Chart chart) {
        if (chart.readOnly()) {
            throw SetupException.refused("chart " + chart.code() + " is the read-only standard chart; copy it (POST /api/charts/"
                    + chart.code() + "/copy) and change the copy");
        }
    }

    private static void existingLine(Chart chart, int lineNo) {
        if (lineNo < 1 || lineNo > chart.lines().size()) {
            throw SetupException.notFound("chart " + chart.code() + " has no line " + lineNo + "; its lines are 1.."
                    + chart.lines().size());
        }
    }
}
