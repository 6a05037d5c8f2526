package dk.platform.payroll.setup;

import dk.platform.ledger.api.InputRules;
import dk.platform.support.security.Caller;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static dk.platform.payroll.setup.SetupRules.lineNumbers;

/**
 * The setup changes the API offers: validates (400), checks what must or must not exist (404,
 * 409), applies the business rules (422: SD is read-only, references must exist) and saves
 * through {@link SetupStore}, one history entry per changed object. A change that changes
 * nothing is answered with the stored object and writes nothing (a repeated PUT is free).
 */
@Service
class SetupService {

    static final int MAX_EMPLOYEES_PER_REQUEST = 50_000;

    private final SetupStore store;

    SetupService(SetupStore store) {
        this.store = store;
    }

    /** A stored object and whether this request created it (201) or not (200). */
    record Saved<T>(T value, boolean created) {
    }

    record BulkResult(String employerId, int received, int created, int updated, int unchanged, long revision) {
    }

    // ------------------------------------------------------------------ wage types

    Saved<WageType> putWageType(String code, String text, String by) {
        Violations v = new Violations();
        SetupRules.wageType(code, text, v);
        v.throwIfAny();
        WageType wageType = new WageType(code, text.strip());
        String now = store.wageTypeTexts().get(code);
        if (wageType.text().equals(now)) {
            return new Saved<>(wageType, false);
        }
        store.save(SetupKind.WAGE_TYPE, by, new SetupStore.Change<>(code, now == null ? SetupStore.NEW : SetupStore.ANY,
                now == null ? "create" : "update", r -> wageType));
        return new Saved<>(wageType, now == null);
    }

    // ------------------------------------------------------------------ charts

    Chart chart(String code) {
        return store.chart(code).orElseThrow(() -> SetupException.notFound("chart " + InputRules.quote(code) + " does not exist"));
    }

    Chart chartAt(String code, long revision) {
        if (revision < 0) {
            throw SetupException.invalid(List.of(new SetupError(null, "revision", "revision must be 0 or more, was " + revision)));
        }
        chart(code);
        return store.chartAt(code, revision).orElseThrow(() -> SetupException.notFound("chart '" + code
                + "' did not exist yet at setup revision " + revision));
    }

    Chart copyChart(String source, String code, String description, LocalDate validFrom, String by) {
        Chart from = chart(source);
        String text = description == null ? from.description() : description;
        LocalDate date = validFrom == null ? from.validFrom() : validFrom;
        Violations v = new Violations();
        SetupRules.chartCode("code", code, v);
        SetupRules.chartHeader(text, date, from.groupField(), v);
        v.throwIfAny();
        if (store.chart(code).isPresent()) {
            throw SetupException.exists("chart " + InputRules.quote(code) + " exists already; copy to another code, or change " + code
                    + " with PUT /api/charts/" + code);
        }
        return store.save(SetupKind.CHART, by, new SetupStore.Change<>(code, SetupStore.NEW, "copy from " + source,
                r -> new Chart(code, text.strip(), date, from.groupField(), false, from.lines(), r)));
    }

    /** Changes a chart's description, valid-from date and group field, or creates an empty chart. */
    Saved<Chart> putChart(String code, String description, LocalDate validFrom, Field groupField, String by) {
        Violations v = new Violations();
        SetupRules.chartCode("code", code, v);
        SetupRules.chartHeader(description, validFrom, groupField, v);
        v.throwIfAny();
        Chart now = store.chart(code).orElse(null);
        if (now == null) {
            return new Saved<>(store.save(SetupKind.CHART, by, new SetupStore.Change<>(code, SetupStore.NEW, "create",
                    r -> new Chart(code, description.strip(), validFrom, groupField, false, List.of(), r))), true);
        }
        refuseReadOnly(now);
        SetupRules.chartLines(now.lines(), lineNumbers(now.lines().size()), groupField, v);
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
        List<ChartLine> lines = SetupRules.lines(inputs, lineNumbers(inputs.size()), chart.groupField(), v);
        v.throwIfAny();
        return changeLines(chart, lines, "replaceLines", by);
    }

    /** Replaces all lines by a CSV file's; any error in the file and nothing is imported. */
    Chart importCsv(String code, byte[] csv, String by) {
        Chart chart = editable(code);
        Violations v = new Violations();
        ChartCsv.Parsed parsed = ChartCsv.read(csv, v);
        List<ChartLine> lines = SetupRules.lines(parsed.lines(), parsed.where(), chart.groupField(), v);
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
        ChartLine line = SetupRules.line(input, null, v);
        v.throwIfAny();
        return line;
    }

    private static List<ChartLine> checked(List<ChartLine> lines, Field groupField) {
        Violations v = new Violations();
        SetupRules.chartLines(lines, lineNumbers(lines.size()), groupField, v);
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

    // ------------------------------------------------------------------ sorting codes

    SortingCode sortingCode(String code) {
        return store.sortingCode(code).orElseThrow(() -> SetupException.notFound("sorting code " + InputRules.quote(code) + " does not exist"));
    }

    Saved<SortingCode> putSortingCode(String code, String description, List<Field> fields, boolean pageBreak, String by) {
        Violations v = new Violations();
        SetupRules.sortingCode(code, description, fields, v);
        v.throwIfAny();
        SortingCode now = store.sortingCode(code).orElse(null);
        SortingCode changed = new SortingCode(code, description.strip(), fields, pageBreak, now == null ? 0 : now.revision());
        if (changed.equals(now)) {
            return new Saved<>(now, false);
        }
        return new Saved<>(store.save(SetupKind.SORTING_CODE, by, new SetupStore.Change<>(code,
                now == null ? SetupStore.NEW : now.revision(), now == null ? "create" : "update",
                r -> new SortingCode(code, changed.description(), fields, pageBreak, r))), now == null);
    }

    // ------------------------------------------------------------------ employers

    Employer employer(String employerId) {
        return store.employer(employerId).orElseThrow(() -> SetupException.notFound("employer " + InputRules.quote(employerId) + " does not exist"));
    }

    Saved<Employer> putEmployer(String employerId, String name, String sortingCode, List<Employer.ChartPeriod> periods,
                                String by) {
        Violations v = new Violations();
        SetupRules.employer(employerId, name, sortingCode, periods, v);
        v.throwIfAny();
        if (store.sortingCode(sortingCode).isEmpty()) {
            throw SetupException.refused("sorting code " + InputRules.quote(sortingCode) + " does not exist; create it first with PUT"
                    + " /api/sorting-codes/" + sortingCode);
        }
        refuseUnknownCharts(periods.stream().map(Employer.ChartPeriod::chartCode).toList(), "chartPeriods");
        Employer now = store.employer(employerId).orElse(null);
        Employer changed = new Employer(employerId, name.strip(), sortingCode, periods, now == null ? 0 : now.revision());
        if (changed.equals(now)) {
            return new Saved<>(now, false);
        }
        return new Saved<>(store.save(SetupKind.EMPLOYER, by, new SetupStore.Change<>(employerId,
                now == null ? SetupStore.NEW : now.revision(), now == null ? "create" : "update",
                r -> new Employer(employerId, changed.name(), sortingCode, periods, r))), now == null);
    }

    private void refuseUnknownCharts(List<String> codes, String where) {
        Set<String> unknown = new TreeSet<>();
        for (String code : new HashSet<>(codes)) {
            if (code != null && store.chart(code).isEmpty()) {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw SetupException.refused("unknown chart" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " in " + where + "; create or copy the chart first");
        }
    }

    // ------------------------------------------------------------------ employees

    Employee employee(String employerId, String employeeNo) {
        employer(employerId);
        return store.employee(employerId, employeeNo).orElseThrow(() -> SetupException.notFound("employer " + employerId
                + " has no employee " + InputRules.quote(employeeNo)));
    }

    /** One employee as sent. */
    record EmployeeInput(String employeeNo, List<EmploymentInput> employment, List<CostDistribution> distributions) {

        List<Employment> employments() {
            return employment == null ? null : employment.stream().map(e -> e == null ? null : e.toEmployment()).toList();
        }
    }

    Saved<Employee> putEmployee(String employerId, EmployeeInput input, String by) {
        BulkResult result = putEmployees(employerId, List.of(input), null, by);
        return new Saved<>(store.employee(employerId, input.employeeNo()).orElseThrow(), result.created() == 1);
    }

    /** Upserts many employees of one employer: all are valid or none is stored. */
    BulkResult putEmployees(String employerId, List<EmployeeInput> inputs, String by) {
        if (inputs == null || inputs.isEmpty() || inputs.size() > MAX_EMPLOYEES_PER_REQUEST) {
            throw SetupException.invalid(List.of(new SetupError(null, null, "send 1.." + MAX_EMPLOYEES_PER_REQUEST
                    + " employees, sent " + (inputs == null ? 0 : inputs.size()))));
        }
        return putEmployees(employerId, inputs, lineNumbers(inputs.size()), by);
    }

    private BulkResult putEmployees(String employerId, List<EmployeeInput> inputs, List<Integer> where, String by) {
        Employer employer = employer(employerId);
        SortingCode sortingCode = store.sortingCode(employer.sortingCode()).orElseThrow(() -> SetupException.refused(
                "employer " + employerId + " has sorting code " + employer.sortingCode() + ", which does not exist"));
        Violations v = new Violations();
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            Integer at = where == null ? null : where.get(i);
            EmployeeInput input = inputs.get(i);
            if (input == null) {
                v.add(at, null, "an employee must not be null");
                continue;
            }
            SetupRules.employeeNo(input.employeeNo(), at, v);
            if (input.employeeNo() != null && !numbers.add(input.employeeNo())) {
                v.add(at, "employeeNo", "employee " + input.employeeNo() + " is in the request twice");
            }
            SetupRules.employee(input.employments(), input.distributions(), sortingCode, at, v);
        }
        v.throwIfAny();
        refuseUnknownCharts(inputs.stream().flatMap(e -> e.employment().stream()).map(EmploymentInput::deviatingChart)
                .filter(Objects::nonNull).toList(), "employment deviatingChart");

        Map<String, Employee> now = inputs.size() == 1
                ? store.employee(employerId, inputs.get(0).employeeNo()).map(e -> Map.of(e.employeeNo(), e)).orElse(Map.of())
                : store.employeesOf(employerId);
        List<SetupStore.Change<Employee>> changes = new ArrayList<>();
        int created = 0;
        for (EmployeeInput input : inputs) {
            Employee before = now.get(input.employeeNo());
            Employee changed = new Employee(employerId, input.employeeNo(), input.employments(), input.distributions(),
                    before == null ? 0 : before.revision());
            if (!changed.equals(before)) {
                created += before == null ? 1 : 0;
                changes.add(new SetupStore.Change<>(SetupStore.employeeId(employerId, input.employeeNo()),
                        before == null ? SetupStore.NEW : before.revision(), before == null ? "create" : "update",
                        r -> new Employee(employerId, changed.employeeNo(), changed.employment(), changed.distributions(), r)));
            }
        }
        store.saveAll(SetupKind.EMPLOYEE, by, changes);
        return new BulkResult(employerId, inputs.size(), created, changes.size() - created, inputs.size() - changes.size(),
                store.revision());
    }

    // ------------------------------------------------------------------ history

    List<HistoryEntry> history(long from, int limit) {
        Violations v = new Violations();
        if (from < 0) {
            v.add("from", "from must be a revision of 0 or more, was " + from);
        }
        if (limit < 1 || limit > 1000) {
            v.add("limit", "limit must be 1..1000, was " + limit);
        }
        v.throwIfAny();
        return store.history(from, limit);
    }

    /** Whom the history names: the authenticated subject (never a header or body field). */
    static String by() {
        return Caller.currentOr("anonymous");
    }
}
