package dk.platform.payroll.chart;

import dk.platform.payroll.setup.Field;
import dk.platform.payroll.setup.Saved;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static dk.platform.payroll.setup.SetupInput.by;

@RestController
@Tag(name = "Payroll charts", description = "Charts of accounts for payroll posting (SPEC 4.1): SD is read-only, copy it and edit the copy")
class ChartController {

    static final String CSV = "text/csv";

    private final ChartService setup;
    private final Charts charts;

    ChartController(ChartService setup, Charts charts) {
        this.setup = setup;
        this.charts = charts;
    }

    record ChartSummary(String code, String description, LocalDate validFrom, Field groupField, boolean readOnly, int lineCount,
                        long revision) {
    }

    record ChartView(String code, String description, LocalDate validFrom, Field groupField, boolean readOnly, int lineCount,
                     long revision, List<NumberedLine> lines) {

        static ChartView of(Chart c) {
            return new ChartView(c.code(), c.description(), c.validFrom(), c.groupField(), c.readOnly(), c.lines().size(),
                    c.revision(), IntStream.range(0, c.lines().size()).mapToObj(i -> NumberedLine.of(i + 1, c.lines().get(i))).toList());
        }
    }

    record ChartCopy(String code, String description, LocalDate validFrom) {
    }

    record ChartHeader(String description, LocalDate validFrom, Field groupField) {
    }

    @GetMapping("/api/charts")
    @Operation(summary = "All charts, without their lines")
    List<ChartSummary> list() {
        return charts.charts().stream().map(c -> new ChartSummary(c.code(), c.description(), c.validFrom(), c.groupField(),
                c.readOnly(), c.lines().size(), c.revision())).toList();
    }

    @GetMapping("/api/charts/{code}")
    @Operation(summary = "A chart with its numbered lines; with ?revision=N as it was at setup revision N")
    ChartView get(@PathVariable String code, @RequestParam(required = false) Long revision) {
        return ChartView.of(revision == null ? setup.chart(code) : setup.chartAt(code, revision));
    }

    @PostMapping("/api/charts/{code}/copy")
    @Operation(summary = "Copies a chart (e.g. SD) to a new code: {code, description?, validFrom?}; 409 if the code exists")
    ResponseEntity<ChartView> copy(@PathVariable String code, @RequestBody ChartCopy body) {
        Chart copy = setup.copyChart(code, body.code(), body.description(), body.validFrom(), by());
        return ResponseEntity.created(URI.create("/api/charts/" + copy.code())).body(ChartView.of(copy));
    }

    @PutMapping("/api/charts/{code}")
    @Operation(summary = "Sets a chart's description, validFrom and groupField (absent: none); creates an empty chart if new")
    ResponseEntity<ChartView> put(@PathVariable String code, @RequestBody ChartHeader body) {
        Saved<Chart> saved = setup.putChart(code, body.description(), body.validFrom(), body.groupField(), by());
        return new Saved<>(ChartView.of(saved.value()), saved.created()).response("/api/charts/" + code);
    }

    @PutMapping("/api/charts/{code}/lines")
    @Operation(summary = "Replaces all lines of a chart by a JSON array of lines")
    ChartView putLines(@PathVariable String code, @RequestBody List<LineInput> lines) {
        return ChartView.of(setup.replaceLines(code, lines, by()));
    }

    @PostMapping("/api/charts/{code}/lines")
    @Operation(summary = "Appends one line; answers it with its lineNo")
    ResponseEntity<NumberedLine> addLine(@PathVariable String code, @RequestBody LineInput line) {
        NumberedLine added = setup.addLine(code, line, by());
        return ResponseEntity.created(URI.create("/api/charts/" + code + "/lines/" + added.lineNo())).body(added);
    }

    @GetMapping("/api/charts/{code}/lines/{lineNo}")
    @Operation(summary = "One line of a chart")
    NumberedLine line(@PathVariable String code, @PathVariable int lineNo) {
        return setup.line(code, lineNo);
    }

    @PutMapping("/api/charts/{code}/lines/{lineNo}")
    @Operation(summary = "Replaces one line")
    NumberedLine putLine(@PathVariable String code, @PathVariable int lineNo, @RequestBody LineInput line) {
        return setup.putLine(code, lineNo, line, by());
    }

    @DeleteMapping("/api/charts/{code}/lines/{lineNo}")
    @Operation(summary = "Deletes one line; the lines after it move up one lineNo. Answers the chart")
    ChartView deleteLine(@PathVariable String code, @PathVariable int lineNo) {
        return ChartView.of(setup.deleteLine(code, lineNo, by()));
    }

    @GetMapping(value = "/api/charts/{code}/lines.csv", produces = CSV)
    @Operation(summary = "A chart's lines as CSV (UTF-8, ';', header line); ?revision=N as they were at setup revision N")
    ResponseEntity<String> csv(@PathVariable String code, @RequestParam(required = false) Long revision) {
        Chart chart = revision == null ? setup.chart(code) : setup.chartAt(code, revision);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chart-" + code + ".csv\"")
                .body(ChartCsv.write(chart.lines()));
    }

    @PutMapping(value = "/api/charts/{code}/lines.csv", consumes = CSV)
    @Operation(summary = "Replaces all lines of a chart by a CSV file (at most 5 MB and 20000 lines); any error and nothing"
            + " is imported: 400 with errors [{line, field, message}]")
    ChartView importCsv(@PathVariable String code, InputStream body) throws IOException {
        return ChartView.of(setup.importCsv(code, ChartCsv.readLimited(body), by()));
    }
}
