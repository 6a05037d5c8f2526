package dk.platform.payroll.employer;

import dk.platform.payroll.setup.SetupError;
import dk.platform.payroll.setup.SetupException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static dk.platform.payroll.setup.SetupInput.by;

@RestController
@Tag(name = "Payroll employers", description = "Employers (sorting code, chart periods) and their employees (employment, cost distributions)")
class EmployerController {

    private final EmployerService setup;

    EmployerController(EmployerService setup) {
        this.setup = setup;
    }

    record EmployerInput(String name, String sortingCode, List<Employer.ChartPeriod> chartPeriods) {
    }

    @GetMapping("/api/employers/{employerId}")
    @Operation(summary = "One employer")
    Employer employer(@PathVariable String employerId) {
        return setup.employer(employerId);
    }

    @PutMapping("/api/employers/{employerId}")
    @Operation(summary = "Creates or changes an employer: {name, sortingCode, chartPeriods: [{from, chartCode}]}")
    ResponseEntity<Employer> putEmployer(@PathVariable String employerId, @RequestBody EmployerInput body) {
        return setup.putEmployer(employerId, body.name(), body.sortingCode(), body.chartPeriods(), by())
                .response("/api/employers/" + employerId);
    }

    @GetMapping("/api/employers/{employerId}/employees/{employeeNo}")
    @Operation(summary = "One employee")
    Employee employee(@PathVariable String employerId, @PathVariable String employeeNo) {
        return setup.employee(employerId, employeeNo);
    }

    @PutMapping("/api/employers/{employerId}/employees/{employeeNo}")
    @Operation(summary = "Creates or changes an employee: {employment: [...], distributions: [...]}")
    ResponseEntity<Employee> putEmployee(@PathVariable String employerId, @PathVariable String employeeNo,
                                         @RequestBody EmployerService.EmployeeInput body) {
        if (body.employeeNo() != null && !body.employeeNo().equals(employeeNo)) {
            throw SetupException.invalid(List.of(new SetupError(null, "employeeNo", "the body names employee "
                    + body.employeeNo() + " but the path " + employeeNo)));
        }
        return setup.putEmployee(employerId, new EmployerService.EmployeeInput(employeeNo, body.employment(), body.distributions()),
                by()).response("/api/employers/" + employerId + "/employees/" + employeeNo);
    }

    @PostMapping("/api/employers/{employerId}/employees")
    @Operation(summary = "Creates or changes many employees at once: [{employeeNo, employment, distributions}]; all valid or"
            + " none stored (errors name the 1-based position as line)")
    EmployerService.BulkResult putEmployees(@PathVariable String employerId, @RequestBody List<EmployerService.EmployeeInput> body) {
        return setup.putEmployees(employerId, body, by());
    }
}
