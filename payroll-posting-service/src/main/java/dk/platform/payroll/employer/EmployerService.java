package dk.platform.payroll.employer;

import dk.platform.ledger.api.InputRules;
import dk.platform.payroll.chart.Charts;
import dk.platform.payroll.setup.Field;
import dk.platform.payroll.setup.Saved;
import dk.platform.payroll.setup.SetupError;
import dk.platform.payroll.setup.SetupException;
import dk.platform.payroll.setup.SetupKind;
import dk.platform.payroll.setup.SetupStore;
import dk.platform.payroll.setup.Violations;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static dk.platform.payroll.setup.SetupInput.lineNumbers;

/**
 * The sorting-code, employer and employee changes the API offers: validates (400), checks what
 * must exist (404), applies the business rules (422: a referenced sorting code or chart must
 * exist) and saves through {@link SetupStore}, one history entry per changed object. A change
 * that changes nothing is answered with the stored object and writes nothing.
 */
@Service
class EmployerService {

    static final int MAX_EMPLOYEES_PER_REQUEST = 50_000;

    private final SetupStore store;
    private final Employers employers;
    private final Charts charts;

    EmployerService(SetupStore store, Employers employers, Charts charts) {
        this.store = store;
        this.employers = employers;
        this.charts = charts;
    }

    record BulkResult(String employerId, int received, int created, int updated, int unchanged, long revision) {
    }

    // ------------------------------------------------------------------ sorting codes

    SortingCode sortingCode(String code) {
        return employers.sortingCode(code).orElseThrow(() -> SetupException.notFound("sorting code " + InputRules.quote(code) + " does not exist"));
    }

    Saved<SortingCode> putSortingCode(String code, String description, List<Field> fields, boolean pageBreak, String by) {
        Violations v = new Violations();
        EmployerRules.sortingCode(code, description, fields, v);
        v.throwIfAny();
        SortingCode now = employers.sortingCode(code).orElse(null);
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
        return employers.employer(employerId).orElseThrow(() -> SetupException.notFound("employer " + InputRules.quote(employerId) + " does not exist"));
    }

    Saved<Employer> putEmployer(String employerId, String name, String sortingCode, List<Employer.ChartPeriod> periods,
                                String by) {
        Violations v = new Violations();
        EmployerRules.employer(employerId, name, sortingCode, periods, v);
        v.throwIfAny();
        if (employers.sortingCode(sortingCode).isEmpty()) {
            throw SetupException.refused("sorting code " + InputRules.quote(sortingCode) + " does not exist; create it first with PUT"
                    + " /api/sorting-codes/" + sortingCode);
        }
        refuseUnknownCharts(periods.stream().map(Employer.ChartPeriod::chartCode).toList(), "chartPeriods");
        Employer now = employers.employer(employerId).orElse(null);
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
            if (code != null && charts.chart(code).isEmpty()) {
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
        return employers.employee(employerId, employeeNo).orElseThrow(() -> SetupException.notFound("employer " + employerId
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
        return new Saved<>(employers.employee(employerId, input.employeeNo()).orElseThrow(), result.created() == 1);
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
        SortingCode sortingCode = employers.sortingCode(employer.sortingCode()).orElseThrow(() -> SetupException.refused(
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
            EmployerRules.employeeNo(input.employeeNo(), at, v);
            if (input.employeeNo() != null && !numbers.add(input.employeeNo())) {
                v.add(at, "employeeNo", "employee " + input.employeeNo() + " is in the request twice");
            }
            EmployerRules.employee(input.employments(), input.distributions(), sortingCode, at, v);
        }
        v.throwIfAny();
        refuseUnknownCharts(inputs.stream().flatMap(e -> e.employment().stream()).map(EmploymentInput::deviatingChart)
                .filter(Objects::nonNull).toList(), "employment deviatingChart");

        Map<String, Employee> now = inputs.size() == 1
                ? employers.employee(employerId, inputs.get(0).employeeNo()).map(e -> Map.of(e.employeeNo(), e)).orElse(Map.of())
                : employers.employeesOf(employerId);
        List<SetupStore.Change<Employee>> changes = new ArrayList<>();
        int created = 0;
        for (EmployeeInput input : inputs) {
            Employee before = now.get(input.employeeNo());
            Employee changed = new Employee(employerId, input.employeeNo(), input.employments(), input.distributions(),
                    before == null ? 0 : before.revision());
            if (!changed.equals(before)) {
                created += before == null ? 1 : 0;
                changes.add(new SetupStore.Change<>(Employers.employeeId(employerId, input.employeeNo()),
                        before == null ? SetupStore.NEW : before.revision(), before == null ? "create" : "update",
                        r -> new Employee(employerId, changed.employeeNo(), changed.employment(), changed.distributions(), r)));
            }
        }
        store.saveAll(SetupKind.EMPLOYEE, by, changes);
        return new BulkResult(employerId, inputs.size(), created, changes.size() - created, inputs.size() - changes.size(),
                store.revision());
    }
}
