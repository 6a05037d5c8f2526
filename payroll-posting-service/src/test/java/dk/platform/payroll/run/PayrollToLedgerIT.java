package dk.platform.payroll.run;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.test.IntegrationTest;
import dk.platform.test.LedgerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;

import static dk.platform.payroll.run.PayrollHttp.assertBalance;
import static dk.platform.payroll.run.PayrollHttp.csv;
import static dk.platform.payroll.run.PayrollHttp.json;
import static dk.platform.payroll.run.PayrollHttp.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payroll service with the REAL ledger-app (its packaged jar, a child process) over Kafka:
 * SD copied to A1 with a department line, a run received as CSV, its voucher and spec, approval
 * posting one balanced entry that shows in the ledger's konto view, a run with a wage type missing
 * from the chart refused with a difference that names the employee, then the chart fixed, a
 * posting check and a re-run of the posting that reverses the first entry and posts the new one.
 */
@IntegrationTest
class PayrollToLedgerIT {

    static LedgerProcess ledger;

    @Autowired
    TestRestTemplate payroll;

    @BeforeAll
    static void startTheLedger(@Value("${spring.embedded.kafka.brokers}") String brokers) throws Exception {
        ledger = LedgerProcess.start(brokers);
        for (String[] account : List.of(new String[]{"0000000400", "Lønudgift", "EXPENSE"},
                new String[]{"0000000410", "Lønudgift administration", "EXPENSE"},
                new String[]{"0000000500", "Skyldig nettoløn", "LIABILITY"},
                new String[]{"0000000600", "Skyldig A-skat", "LIABILITY"})) {
            ledger.setUp("/api/accounts", "{\"number\":\"%s\",\"name\":\"%s\",\"type\":\"%s\"}".formatted((Object[]) account));
        }
    }

    @AfterAll
    static void stopTheLedger() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void anApprovedRunIsOneBalancedEntryInTheLedgerAndARepostingReplacesIt() {
        setUpChartA1AndEmployer("E2E");

        String csv = """
                employeeNo;wageType;amount
                1001;1100;30000,00
                1001;8600;10000,00
                1001;9991;20000,00
                1002;1100;25000,50
                1002;8600;8000,00
                1002;9991;17000,50
                """;
        ResponseEntity<JsonNode> received = payroll.exchange("/api/payroll-runs?runId=R-2026-10&employerId=E2E"
                        + "&dispositionDate=2026-10-30&periods=2026-10-01..2026-10-31", HttpMethod.POST,
                csv(csv), JsonNode.class);
        assertThat(received.getStatusCode().value()).as(String.valueOf(received.getBody())).isEqualTo(202);
        JsonNode run = awaitStatus("R-2026-10", "CALCULATED");
        JsonNode voucher = run.get("vouchers").get(0);
        assertThat(voucher.get("postable").asBoolean()).as(voucher.toString()).isTrue();
        assertThat(voucher.get("voucherTotals").get("debit").asText()).isEqualTo("55000.50");

        String voucherCsv = payroll.getForObject("/api/payroll-runs/R-2026-10/voucher.csv", String.class);
        assertThat(voucherCsv).contains("0000000400").contains("30000,00").contains("25000,50");
        String spec = payroll.getForObject("/api/payroll-runs/R-2026-10/spec.csv", String.class);
        assertThat(spec.lines().filter(l -> l.startsWith("1002;"))).hasSize(3);
        assertThat(payroll.getForObject("/api/payroll-runs/R-2026-10/voucher.html", String.class)).contains("55.000,50");

        ResponseEntity<JsonNode> approved = approve("R-2026-10");
        assertThat(approved.getBody().get("status").asText()).as(approved.getBody().toString()).isEqualTo("POSTED");
        assertThat(approve("R-2026-10").getBody().get("ledger")).as("approving twice posts once").hasSize(1);
        assertBalance(ledger, "0000000400", "55000.50");
        assertBalance(ledger, "0000000500", "-37000.50");
        assertBalance(ledger, "0000000600", "-18000.00");
        JsonNode expense = ledger.get("/api/accounts/0000000400");
        assertThat(expense.get("postings").findValuesAsText("entryId")).containsExactly("payroll-R-2026-10-v1");
        // the ledger took the signed command: it names the service and the user who approved (the test API key here)
        JsonNode recorded = ledger.get("/api/audit/events?aggregateId=payroll-R-2026-10-v1");
        assertThat(recorded.findValuesAsText("service")).as(recorded.toString()).contains("payroll");
        assertThat(recorded.findValuesAsText("user")).as(recorded.toString()).contains("tests");

        // the salary of department 2020 is moved to 0000000410: a more specific line (group 2020) wins
        ResponseEntity<JsonNode> line = payroll.postForEntity("/api/charts/E2/lines", json("""
                {"group":"2020","wageType":"1100","seq":1,"side":"D","account":"0000000410","deptCode":"ANS","employeeNo":false,
                 "usage":"VOUCHER_AND_CENTRAL"}"""), JsonNode.class);
        assertThat(line.getStatusCode().value()).as(String.valueOf(line.getBody())).isEqualTo(201);

        ResponseEntity<JsonNode> check = payroll.postForEntity("/api/payroll-runs/R-2026-10/posting-check", null, JsonNode.class);
        assertThat(check.getStatusCode().value()).as(String.valueOf(check.getBody())).isEqualTo(200);
        assertThat(check.getBody().get("kind").asText()).isEqualTo("CHECK");
        assertThat(check.getBody().get("centralLines").toString()).contains("0000000410");
        assertBalance(ledger, "0000000410", "0.00");

        ResponseEntity<JsonNode> reposted = payroll.postForEntity("/api/payroll-runs/R-2026-10/reposting", null, JsonNode.class);
        assertThat(reposted.getStatusCode().value()).as(String.valueOf(reposted.getBody())).isIn(200, 202);
        JsonNode after = awaitStatus("R-2026-10", "POSTED");
        assertThat(after.get("postedEntryId").asText()).isEqualTo("payroll-R-2026-10-v3");
        assertThat(after.get("vouchers").findValuesAsText("kind")).containsExactly("RUN", "CHECK", "REPOSTING");
        assertBalance(ledger, "0000000400", "30000.00");
        assertBalance(ledger, "0000000410", "25000.50");
        assertBalance(ledger, "0000000500", "-37000.50");
        assertThat(ledger.get("/api/accounts/0000000400").get("postings").findValuesAsText("entryId"))
                .containsExactly("payroll-R-2026-10-v1", "payroll-R-2026-10-v1-r", "payroll-R-2026-10-v3");
    }

    @Test
    void aWageTypeMissingFromTheChartIsADifferenceThatNamesTheEmployeeAndCannotBeApproved() {
        setUpChartA1AndEmployer("MISS");
        ResponseEntity<JsonNode> received = payroll.postForEntity("/api/payroll-runs", json("""
                {"runId":"R-MISS","employerId":"MISS","periods":[{"from":"2026-10-01","to":"2026-10-31"}],
                 "dispositionDate":"2026-10-30","lines":[
                  {"employeeNo":"1001","wageType":"1100","amount":"30000.00"},
                  {"employeeNo":"1001","wageType":"9991","amount":"30000.00"},
                  {"employeeNo":"1002","wageType":"1200","amount":"500.00"},
                  {"employeeNo":"1002","wageType":"9991","amount":"500.00"}]}"""), JsonNode.class);
        assertThat(received.getStatusCode().value()).as(String.valueOf(received.getBody())).isEqualTo(202);
        JsonNode voucher = awaitStatus("R-MISS", "CALCULATED").get("vouchers").get(0);
        assertThat(voucher.get("difference").asText()).as("the net pay of 500.00 is credited, its wage type debits nothing")
                .isEqualTo("-500.00");
        assertThat(voucher.get("postable").asBoolean()).isFalse();
        JsonNode cause = voucher.get("causes").get(0);
        assertThat(cause.get("reason").asText()).isEqualTo("NOT_IN_CHART");
        assertThat(cause.get("wageType").asText()).isEqualTo("1200");
        assertThat(cause.get("employees").get(0).asText()).isEqualTo("1002");

        ResponseEntity<JsonNode> refused = approve("R-MISS");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("detail").asText()).contains("cannot be posted (bilaget kan ikke bogføres): difference"
                + " (forskel) -500.00; wage type 1200 is not in chart M1 (lønart mangler i kontoplanen): 500.00, employee 1002"
                + " [NOT_IN_CHART]");
        assertThat(refused.getBody().get("causes").get(0).get("employees").get(0).asText()).isEqualTo("1002");
        assertThat(payroll.getForObject("/api/payroll-runs/R-MISS/spec.csv", String.class))
                .contains("1002;1200").contains("NOT IN CHART");
    }

    private void setUpChartA1AndEmployer(String employer) {
        String chart = employer.equals("E2E") ? "E2" : "M1";
        for (String[] wageType : List.of(new String[]{"1100", "Månedsløn"}, new String[]{"1200", "Tillæg"},
                new String[]{"8600", "A-skat"}, new String[]{"9991", "Nettoløn"})) {
            put(payroll, "/api/wage-types/" + wageType[0], "{\"text\":\"" + wageType[1] + "\"}");
        }
        ResponseEntity<JsonNode> copy = payroll.postForEntity("/api/charts/SD/copy", json("""
                {"code":"%s","description":"Testkontoplan","validFrom":"2026-01-01"}""".formatted(chart)), JsonNode.class);
        assertThat(copy.getStatusCode().value()).as(String.valueOf(copy.getBody())).isEqualTo(201);
        put(payroll, "/api/charts/" + chart, """
                {"description":"Testkontoplan","validFrom":"2026-01-01","groupField":"department"}""");
        for (String line : List.of(
                "{\"group\":\"*\",\"wageType\":\"1100\",\"seq\":1,\"side\":\"D\",\"account\":\"0000000400\",\"deptCode\":\"ANS\"}",
                "{\"group\":\"*\",\"wageType\":\"8600\",\"seq\":1,\"side\":\"K\",\"account\":\"0000000600\"}",
                "{\"group\":\"*\",\"wageType\":\"9991\",\"seq\":1,\"side\":\"K\",\"account\":\"0000000500\"}")) {
            ResponseEntity<JsonNode> added = payroll.postForEntity("/api/charts/" + chart + "/lines", json(line), JsonNode.class);
            assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(201);
        }
        put(payroll, "/api/sorting-codes/S1", "{\"description\":\"Afdeling og konto\",\"fields\":[\"department\",\"account\"],\"pageBreak\":false}");
        put(payroll, "/api/employers/" + employer, """
                {"name":"Testkommune","sortingCode":"S1","chartPeriods":[{"from":"2026-01-01","chartCode":"%s"}]}""".formatted(chart));
        put(payroll, "/api/employers/" + employer + "/employees/1001", "{\"employment\":[{\"from\":\"2020-01-01\",\"department\":\"1010\"}]}");
        put(payroll, "/api/employers/" + employer + "/employees/1002", "{\"employment\":[{\"from\":\"2020-01-01\",\"department\":\"2020\"}]}");
    }

    private ResponseEntity<JsonNode> approve(String runId) {
        return payroll.postForEntity("/api/payroll-runs/" + runId + "/approval", json("{}"), JsonNode.class);
    }

    private JsonNode awaitStatus(String runId, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> payroll.getForObject("/api/payroll-runs/" + runId, JsonNode.class),
                run -> run.get("status").asText().equals(status));
    }




}
