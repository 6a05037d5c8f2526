package dk.platform.payroll.employer;

import dk.platform.payroll.setup.SetupKind;
import dk.platform.payroll.setup.SetupStore;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Employers, their employees and the sorting codes as they are stored: what the run and posting code read. */
@Component
public class Employers {

    private final SetupStore store;

    public Employers(SetupStore store) {
        this.store = store;
    }

    public Optional<Employer> employer(String employerId) {
        return store.find(SetupKind.EMPLOYER, employerId, Employer.class);
    }

    public Optional<SortingCode> sortingCode(String code) {
        return store.find(SetupKind.SORTING_CODE, code, SortingCode.class);
    }

    public List<SortingCode> sortingCodes() {
        return store.all(SetupKind.SORTING_CODE, SortingCode.class, Comparator.comparing(SortingCode::code));
    }

    public Optional<Employee> employee(String employerId, String employeeNo) {
        return store.find(SetupKind.EMPLOYEE, employeeId(employerId, employeeNo), Employee.class);
    }

    /** All employees of an employer by employee number (an {@code _id} range: ids are {@code employerId/employeeNo}). */
    public Map<String, Employee> employeesOf(String employerId) {
        Map<String, Employee> employees = new TreeMap<>();
        for (Employee employee : store.under(SetupKind.EMPLOYEE, employerId, Employee.class)) {
            employees.put(employee.employeeNo(), employee);
        }
        return employees;
    }

    static String employeeId(String employerId, String employeeNo) {
        return employerId + "/" + employeeNo;
    }
}
