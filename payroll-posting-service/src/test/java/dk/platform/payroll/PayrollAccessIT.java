package dk.platform.payroll;

import dk.platform.test.AccessMatrixContract;
import dk.platform.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The payroll service's role table (issue 10; the README has it too): GETs for payroll and
 * auditors, setup writes and runs for payroll, the wage-type catalogue (standard data) for admins.
 */
@IntegrationTest
class PayrollAccessIT extends AccessMatrixContract {

    static final Set<String> READ = Set.of("payroll", "auditor");
    static final Set<String> PAYROLL = Set.of("payroll");
    static final Set<String> ADMIN = Set.of("admin");
    static final Map<String, Set<String>> EXPECTED = new TreeMap<>();

    static {
        for (String read : List.of("/api/payroll-debts", "/api/employers/{employerId}", "/api/employers/{employerId}/employees/{employeeNo}",
                "/api/charts", "/api/charts/{code}", "/api/charts/{code}/lines/{lineNo}", "/api/charts/{code}/lines.csv",
                "/api/wage-types", "/api/sorting-codes", "/api/sorting-codes/{code}", "/api/setup/history", "/api/setup/revision",
                "/api/payroll-runs/{runId}", "/api/payroll-runs/{runId}/vouchers",
                "/api/payroll-runs/{runId}/{file:voucher\\.csv|voucher\\.html|spec\\.csv}",
                "/api/payroll-runs/{runId}/vouchers/{voucherNo}/{file:voucher\\.csv|voucher\\.html|spec\\.csv}",
                "/api/payroll-runs/{runId}/warnings")) {
            EXPECTED.put("GET " + read, READ);
        }
        for (String write : List.of("PUT /api/employers/{employerId}", "PUT /api/employers/{employerId}/employees/{employeeNo}",
                "POST /api/employers/{employerId}/employees", "POST /api/charts/{code}/copy", "PUT /api/charts/{code}",
                "PUT /api/charts/{code}/lines", "POST /api/charts/{code}/lines", "PUT /api/charts/{code}/lines/{lineNo}",
                "DELETE /api/charts/{code}/lines/{lineNo}", "PUT /api/charts/{code}/lines.csv", "PUT /api/sorting-codes/{code}",
                "POST /api/payroll-runs", "POST /api/payroll-runs/{runId}/approval", "POST /api/payroll-runs/{runId}/posting-check",
                "POST /api/payroll-runs/{runId}/reposting")) {
            EXPECTED.put(write, PAYROLL);
        }
        EXPECTED.put("PUT /api/wage-types/{code}", ADMIN);
    }

    @Autowired
    MongoTemplate mongo;

    @Override
    protected Map<String, Set<String>> expectedRoles() {
        return EXPECTED;
    }

    /** The setup revision counter and the runs and ledger commands recorded. */
    @Override
    protected Object recorded() {
        return List.of(mongo.getCollection("payroll_setup_counters").find().into(new java.util.ArrayList<>()).toString(),
                mongo.getCollection("payroll_runs").countDocuments(), mongo.getCollection("payroll_commands").countDocuments());
    }
}
