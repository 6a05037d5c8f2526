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

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dk.platform.payroll.run.PayrollHttp.assertBalance;
import static dk.platform.payroll.run.PayrollHttp.csv;
import static dk.platform.payroll.run.PayrollHttp.json;
import static dk.platform.payroll.run.PayrollHttp.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §5's worked example from payroll runs to the 61.50 view, with the REAL ledger-app (a child
 * process) over Kafka: run 2026-03 pays employee 1001 (employed) -3 200.00 and 2002 (resigned)
 * -25 000.00, so approving it registers an AUTO and a MANUAL debt (RB7050, RB7061); run 2026-04
 * pays 1001 2 000.00, offset automatically (8561), and flags a payout to 2002 that does not offset
 * her MANUAL debt; 1001 pays the rest in cash, 2002 pays 10 000.00 and 15 000.00 is written off;
 * run 2026-05 raises no RB7050 any more. Each posting, the 61.50 view after every step and the
 * final balances of 61.50 (0.00) and 22.91 (15 000.00) are checked. Debts belong to an employer and
 * an employee: a second employer's employee with the same number keeps apart.
 */
@IntegrationTest
class EmployeeDebtsAcrossPayrollAndLedgerIT {

    static LedgerProcess ledger;

    @Autowired
    TestRestTemplate payroll;

    @BeforeAll
    static void startTheLedger(@Value("${spring.embedded.kafka.brokers}") String brokers) throws Exception {
        ledger = LedgerProcess.start(brokers);
        for (String[] account : List.of(new String[]{"0000000400", "Lønudgift", "EXPENSE"},
                new String[]{"0000000500", "Skyldig nettoløn", "LIABILITY"},
                new String[]{"0000000650", "Negativ nettoløn", "ASSET"},
                new String[]{"61.50", "Skyldige beløb", "ASSET"}, new String[]{"22.91", "Afskrevne skyldige beløb", "EXPENSE"},
                new String[]{"5820", "Bank", "ASSET"})) {
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
    void theWorkedExampleFromPayrollRunsToThe6150View() {
        setUp();

        // run 2026-03: 1001 (employed) and 2002 (resigned) are paid negative
        JsonNode march = runAndApprove("2026-03", "2026-03-31", """
                employeeNo;wageType;amount
                1001;1100;-3200,00
                1001;9991;-3200,00
                2002;1100;-25000,00
                2002;9991;-25000,00
                3003;1100;30000,00
                3003;9991;30000,00
                """);
        assertThat(warnings(march)).containsExactlyInAnyOrder("RB7050 1001 3200.00", "RB7061 2002 25000.00");
        assertThat(actions(march)).containsExactlyInAnyOrder("POST payroll-2026-03-v1 ACCEPTED",
                "REGISTER_DEBT payroll-2026-03-1001 ACCEPTED", "REGISTER_DEBT payroll-2026-03-2002 ACCEPTED");
        assertPostings("61.50", "payroll-2026-03-1001 D 3200.00", "payroll-2026-03-2002 D 25000.00");
        assertBalance(ledger, "0000000650", "0.00"); // the negative net pay moved by 9994 is now the debt
        assertDebt("1001", "AUTO", "3200.00", "0.00", "0.00", "0.00", "3200.00", "RB7050");
        assertDebt("2002", "MANUAL", "25000.00", "0.00", "0.00", "0.00", "25000.00", "RB7061");
        assertSummaryAgrees("DEBTS", "28200.00");
        awaitPayrollKnowsOutstanding("DEBTS", "1001", "3200.00");
        awaitPayrollKnowsOutstanding("DEBTS", "2002", "25000.00");

        // run 2026-04: 2 000.00 to 1001 before offset; a payout to 2002 without 8561
        JsonNode april = runAndApprove("2026-04", "2026-04-30", """
                employeeNo;wageType;amount
                1001;1100;2000,00
                1001;9991;2000,00
                2002;1100;100,00
                2002;9991;100,00
                3003;1100;30000,00
                3003;9991;30000,00
                """);
        assertThat(warnings(april)).containsExactlyInAnyOrder("RB7050 1001 1200.00", "MANUAL_DEBT_NOT_OFFSET 2002 25000.00");
        assertThat(actions(april)).containsExactlyInAnyOrder("POST payroll-2026-04-v1 ACCEPTED",
                "OFFSET_DEBT payroll-2026-04-8561-1001-1 ACCEPTED");
        assertPostings("61.50", "payroll-2026-03-1001 D 3200.00", "payroll-2026-03-2002 D 25000.00",
                "payroll-2026-04-8561-1001-1 K 2000.00");
        assertThat(postings("0000000500")).contains("payroll-2026-04-8561-1001-1 D 2000.00"); // the payout is reduced
        assertDebt("1001", "AUTO", "3200.00", "2000.00", "0.00", "0.00", "1200.00", "RB7050");
        assertDebt("2002", "MANUAL", "25000.00", "0.00", "0.00", "0.00", "25000.00", "RB7061");
        assertSummaryAgrees("DEBTS", "26200.00");

        // 1001 pays the rest in cash; 2002 pays 10 000.00, the rest is written off
        ledger.setUp("/api/skyldige-beloeb/payroll-2026-03-1001/payments",
                "{\"paymentId\":\"1001-pay-1\",\"amount\":\"1200.00\",\"postingDate\":\"2026-05-10\",\"cashAccount\":\"5820\"}");
        assertDebt("1001", "AUTO", "3200.00", "2000.00", "1200.00", "0.00", "0.00");
        ledger.setUp("/api/skyldige-beloeb/payroll-2026-03-2002/payments",
                "{\"paymentId\":\"2002-pay-1\",\"amount\":\"10000.00\",\"postingDate\":\"2026-05-12\",\"cashAccount\":\"5820\"}");
        assertDebt("2002", "MANUAL", "25000.00", "0.00", "10000.00", "0.00", "15000.00", "RB7061");
        ledger.setUp("/api/skyldige-beloeb/payroll-2026-03-2002/write-offs",
                "{\"writeOffId\":\"2002-wo-1\",\"amount\":\"15000.00\",\"postingDate\":\"2026-06-30\"}");
        assertDebt("2002", "MANUAL", "25000.00", "0.00", "10000.00", "15000.00", "0.00");
        assertBalance(ledger, "61.50", "0.00");
        assertBalance(ledger, "22.91", "15000.00");
        assertSummaryAgrees("DEBTS", "0.00");

        // run 2026-05: nothing outstanding, no more RB7050 and nothing offset
        awaitPayrollKnowsOutstanding("DEBTS", "1001", "0.00");
        JsonNode may = runAndApprove("2026-05", "2026-05-31", """
                employeeNo;wageType;amount
                1001;1100;1000,00
                1001;9991;1000,00
                """);
        assertThat(warnings(may)).isEmpty();
        assertThat(actions(may)).containsExactly("POST payroll-2026-05-v1 ACCEPTED");
        assertBalance(ledger, "61.50", "0.00");
    }

    @Test
    void oneEmployersPayoutNeverOffsetsAnotherEmployersDebtOfTheSameEmployeeNumber() {
        setUpChart();
        for (String employer : List.of("K5", "K101")) {
            put(payroll, "/api/employers/" + employer, """
                    {"name":"Kommune %s","sortingCode":"S5","chartPeriods":[{"from":"2026-01-01","chartCode":"D5"}]}""".formatted(employer));
            put(payroll, "/api/employers/" + employer + "/employees/1001", "{\"employment\":[{\"from\":\"2020-01-01\","
                    + "\"department\":\"1010\"}]}");
        }
        BigDecimal debtsBefore = new BigDecimal(ledger.get("/api/accounts/61.50").get("balance").asText());

        // K5 pays its employee 1001 negative: an AUTO debt of K5's, RB7050 naming the employer
        JsonNode k5March = runAndApprove("K5-2026-03", "K5", "2026-03-31", """
                employeeNo;wageType;amount
                1001;1100;-3200,00
                1001;9991;-3200,00
                """);
        assertThat(warnings(k5March)).containsExactly("RB7050 1001 3200.00");
        assertThat(k5March.get("warnings").get(0).get("employerId").asText()).isEqualTo("K5");
        assertThat(k5March.get("warnings").get(0).get("message").asText()).startsWith("RB7050: employee 1001 of employer K5 owes 3200.00");
        assertDebtOf("K5", "1001", "AUTO", "3200.00", "0.00", "0.00", "0.00", "3200.00", "RB7050");
        awaitPayrollKnowsOutstanding("K5", "1001", "3200.00");

        // K101 pays its own employee 1001: nothing of K5's debt is offset, and K101's run warns of nothing
        JsonNode k101April = runAndApprove("K101-2026-04", "K101", "2026-04-30", """
                employeeNo;wageType;amount
                1001;1100;2000,00
                1001;9991;2000,00
                """);
        assertThat(k101April.get("warnings")).isEmpty();
        assertThat(k101April.get("debtSteps")).isEmpty();
        assertThat(actions(k101April)).containsExactly("POST payroll-K101-2026-04-v1 ACCEPTED");
        assertThat(ledger.get("/api/skyldige-beloeb?employerId=K101&employeeNo=1001")).isEmpty();
        assertDebtOf("K5", "1001", "AUTO", "3200.00", "0.00", "0.00", "0.00", "3200.00", "RB7050");

        // K5's own payout to 1001 offsets K5's debt
        JsonNode k5April = runAndApprove("K5-2026-04", "K5", "2026-04-30", """
                employeeNo;wageType;amount
                1001;1100;2000,00
                1001;9991;2000,00
                """);
        assertThat(warnings(k5April)).containsExactly("RB7050 1001 1200.00");
        assertThat(actions(k5April)).containsExactlyInAnyOrder("POST payroll-K5-2026-04-v1 ACCEPTED",
                "OFFSET_DEBT payroll-K5-2026-04-8561-1001-1 ACCEPTED");
        assertDebtOf("K5", "1001", "AUTO", "3200.00", "2000.00", "0.00", "0.00", "1200.00", "RB7050");
        assertSummaryAgrees("K5", "1200.00");

        // settled in cash: 61.50 is back where it was, and the sum of outstanding still equals it
        ledger.setUp("/api/skyldige-beloeb/payroll-K5-2026-03-1001/payments",
                "{\"paymentId\":\"K5-1001-pay-1\",\"amount\":\"1200.00\",\"postingDate\":\"2026-05-10\",\"cashAccount\":\"5820\"}");
        assertDebtOf("K5", "1001", "AUTO", "3200.00", "2000.00", "1200.00", "0.00", "0.00");
        assertSummaryAgrees("K5", "0.00");
        assertBalance(ledger, "61.50", debtsBefore.toPlainString());
    }

    private static boolean chartReady;

    private void setUp() {
        setUpChart();
        put(payroll, "/api/employers/DEBTS", """
                {"name":"Skyldige beløb","sortingCode":"S5","chartPeriods":[{"from":"2026-01-01","chartCode":"D5"}]}""");
        put(payroll, "/api/employers/DEBTS/employees/1001", "{\"employment\":[{\"from\":\"2020-01-01\",\"department\":\"1010\"}]}");
        put(payroll, "/api/employers/DEBTS/employees/2002", "{\"employment\":[{\"from\":\"2020-01-01\",\"department\":\"1010\","
                + "\"resigned\":true}]}");
        put(payroll, "/api/employers/DEBTS/employees/3003", "{\"employment\":[{\"from\":\"2020-01-01\",\"department\":\"1010\"}]}");
    }

    /** Chart D5 (with 9994) and sorting code S5, set up once for both tests. */
    private void setUpChart() {
        if (chartReady) {
            return;
        }
        chartReady = true;
        for (String[] wageType : List.of(new String[]{"1100", "Månedsløn"}, new String[]{"9991", "Nettoløn"},
                new String[]{"9994", "Negativ nettoløn"}, new String[]{"8561", "Modregning skyldigt beløb"})) {
            put(payroll, "/api/wage-types/" + wageType[0], "{\"text\":\"" + wageType[1] + "\"}");
        }
        ResponseEntity<JsonNode> copy = payroll.postForEntity("/api/charts/SD/copy", json("""
                {"code":"D5","description":"Kontoplan med 9994","validFrom":"2026-01-01"}"""), JsonNode.class);
        assertThat(copy.getStatusCode().value()).as(String.valueOf(copy.getBody())).isEqualTo(201);
        for (String line : List.of(
                "{\"wageType\":\"1100\",\"seq\":\"1\",\"side\":\"D\",\"account\":\"0000000400\"}",
                "{\"wageType\":\"9991\",\"seq\":\"1\",\"side\":\"K\",\"account\":\"0000000500\"}",
                "{\"wageType\":\"9994\",\"seq\":\"1\",\"side\":\"D\",\"account\":\"0000000500\"}",
                "{\"wageType\":\"9994\",\"seq\":\"1\",\"side\":\"K\",\"account\":\"0000000650\"}")) {
            ResponseEntity<JsonNode> added = payroll.postForEntity("/api/charts/D5/lines", json(line), JsonNode.class);
            assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(201);
        }
        put(payroll, "/api/sorting-codes/S5", "{\"description\":\"Konto\",\"fields\":[\"account\"],\"pageBreak\":false}");
    }

    private JsonNode runAndApprove(String runId, String end, String csv) {
        return runAndApprove(runId, "DEBTS", end, csv);
    }

    private JsonNode runAndApprove(String runId, String employerId, String end, String csv) {
        ResponseEntity<JsonNode> received = payroll.exchange("/api/payroll-runs?runId=" + runId + "&employerId=" + employerId
                + "&dispositionDate=" + end + "&periods=" + end.substring(0, 8) + "01.." + end, HttpMethod.POST,
                csv(csv), JsonNode.class);
        assertThat(received.getStatusCode().value()).as(String.valueOf(received.getBody())).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> run(runId).get("status").asText().equals("CALCULATED"));
        JsonNode warnings = payroll.getForObject("/api/payroll-runs/" + runId + "/warnings", JsonNode.class);
        ResponseEntity<JsonNode> approved = payroll.postForEntity("/api/payroll-runs/" + runId + "/approval", json("{}"),
                JsonNode.class);
        assertThat(approved.getStatusCode().is2xxSuccessful()).as(String.valueOf(approved.getBody())).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode run = run(runId);
            return run.get("status").asText().equals("POSTED")
                    && run.get("ledger").findValuesAsText("status").stream().noneMatch("PENDING"::equals);
        });
        return warnings;
    }

    private JsonNode run(String runId) {
        return payroll.getForObject("/api/payroll-runs/" + runId, JsonNode.class);
    }

    private List<String> actions(JsonNode warnings) {
        List<String> actions = new ArrayList<>();
        run(warnings.get("runId").asText()).get("ledger")
                .forEach(a -> actions.add(a.get("type").asText() + " " + a.get("entryId").asText() + " " + a.get("status").asText()));
        return actions;
    }

    private static List<String> warnings(JsonNode warnings) {
        List<String> found = new ArrayList<>();
        warnings.get("warnings").forEach(w -> found.add(w.get("code").asText() + " " + w.get("employeeNo").asText() + " "
                + w.get("amount").asText()));
        return found;
    }

    private void awaitPayrollKnowsOutstanding(String employerId, String employeeNo, String outstanding) {
        await().atMost(Duration.ofSeconds(30)).until(() -> payroll.getForObject("/api/payroll-debts?employerId=" + employerId
                + "&employeeNo=" + employeeNo,
                JsonNode.class).findValuesAsText("outstanding").stream().map(BigDecimal::new).reduce(BigDecimal.ZERO,
                BigDecimal::add).compareTo(new BigDecimal(outstanding)) == 0);
    }

    /** The 61.50 view of DEBTS's employee's one debt after each step. */
    private static void assertDebt(String employeeNo, String kind, String arisen, String offset, String paid, String writtenOff,
                                   String outstanding, String... warnings) {
        assertDebtOf("DEBTS", employeeNo, kind, arisen, offset, paid, writtenOff, outstanding, warnings);
    }

    /** The 61.50 view of an employer's employee's one debt; the view follows the event store within moments. */
    private static void assertDebtOf(String employerId, String employeeNo, String kind, String arisen, String offset, String paid, String writtenOff,
                                   String outstanding, String... warnings) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode debts = ledger.get("/api/skyldige-beloeb?employerId=" + employerId + "&employeeNo=" + employeeNo);
            assertThat(debts).hasSize(1);
            JsonNode debt = debts.get(0);
            assertThat(List.of(debt.get("kind").asText(), debt.get("arisen").asText(), debt.get("offset").asText(),
                    debt.get("paid").asText(), debt.get("writtenOff").asText(), debt.get("outstanding").asText()))
                    .containsExactly(kind, arisen, offset, paid, writtenOff, outstanding);
            assertThat(debt.get("warnings").findValuesAsText("code")).containsExactly(warnings);
        });
    }

    /** The employer's outstanding debts in the summary, and the sum of all employers' against the balance of 61.50. */
    private static void assertSummaryAgrees(String employerId, String outstanding) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode summary = ledger.get("/api/skyldige-beloeb/summary");
            String ofEmployer = "0.00";
            for (JsonNode employer : summary.get("employers")) {
                if (employer.get("employerId").asText().equals(employerId)) {
                    ofEmployer = employer.get("outstanding").asText();
                }
            }
            assertThat(ofEmployer).isEqualTo(outstanding);
            assertThat(summary.get("accountBalance").asText()).isEqualTo(summary.get("outstanding").asText());
            assertThat(summary.get("agrees").asBoolean()).isTrue();
        });
    }

    /**
     * The account's postings of the worked example (employer DEBTS), leaving out the other test's employer K5; in any
     * order, since a run's debt steps are sent together and the ledger may take them in either order.
     */
    private static void assertPostings(String account, String... expected) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .untilAsserted(() -> assertThat(postings(account).stream().filter(p -> !p.contains("K5-")).toList())
                        .containsExactlyInAnyOrder(expected));
    }

    private static List<String> postings(String account) {
        List<String> found = new ArrayList<>();
        ledger.get("/api/accounts/" + account).get("postings").forEach(p -> found.add(p.get("entryId").asText()
                + (p.hasNonNull("debit") ? " D " + p.get("debit").asText() : " K " + p.get("credit").asText())));
        return found;
    }



}
