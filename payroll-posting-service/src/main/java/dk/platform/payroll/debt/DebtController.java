package dk.platform.payroll.debt;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The employee debts as this service knows them from ledger.events: what the next run offsets and warns about. */
@RestController
class DebtController {

    private final DebtRecords debts;

    DebtController(DebtRecords debts) {
        this.debts = debts;
    }

    @GetMapping("/api/payroll-debts")
    List<OpenDebt> ofEmployee(@RequestParam String employerId, @RequestParam String employeeNo) {
        return debts.ofEmployee(employerId, employeeNo);
    }
}
