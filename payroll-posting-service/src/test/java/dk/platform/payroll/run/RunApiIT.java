package dk.platform.payroll.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.CommandSignature;
import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.ledger.api.Topics;
import dk.platform.test.IntegrationTest;
import dk.platform.test.KafkaProbe;
import dk.platform.test.TestIdentities;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dk.platform.payroll.run.PayrollHttp.csv;
import static dk.platform.payroll.run.PayrollHttp.json;
import static dk.platform.payroll.run.PayrollHttp.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payroll runs through the REST API, with this test playing the ledger on Kafka (it reads
 * ledger.commands and answers on ledger.command-results): bad files refused whole with their line
 * numbers and nothing stored, re-sent runs, 409 on other content, the chart's valid-from, approval
 * after a refusal by the ledger, approving twice, input posting, and a run of 20 000 lines with
 * its progress.
 */
@IntegrationTest
class RunApiIT {

    static final AtomicInteger EMPLOYERS = new AtomicInteger();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String APPROVER = "approver-1";
    static KafkaProbe kafka;
    static final String DEAD_LETTERS = Topics.LEDGER_COMMAND_RESULTS + ".dlt";

    @Autowired
    TestRestTemplate payroll;

    @BeforeAll
    static void listen(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        kafka = new KafkaProbe(brokers, Topics.LEDGER_COMMANDS, DEAD_LETTERS);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void malformedJsonIsA400AndNothingIsStored() {
        String employer = employer();
        ResponseEntity<JsonNode> response = postJson("""
                {"runId":"R-BAD-JSON","employerId":"%s","periods":[{"from":"2026-10-01","to":"2026-10-31"}],
                 "dispositionDate":"2026-10-30","lines":[{"employeeNo":"1001","wageType":"1100","amount":"1.00"},""".formatted(employer));
        assertProblem(response, 400, "not readable JSON");
        assertThat(get("/api/payroll-runs/R-BAD-JSON").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void badLinesAreListedWithTheirPositionsAndNothingIsStored() {
        String employer = employer();
        ResponseEntity<JsonNode> response = postJson("""
                {"runId":"R-BAD-LINES","employerId":"%s","periods":[{"from":"2026-10-01","to":"2026-10-31"}],
                 "dispositionDate":"2026-10-30","lines":[
                  {"employeeNo":"1001","wageType":"1100","amount":"100.00"},
                  {"employeeNo":"1001","wageType":"1100","amount":100.00},
                  {"employeeNo":"9999","wageType":"1100","amount":"1.00"},
                  {"employeeNo":"1001","wageType":"7777","amount":"1.00"},
                  {"employeeNo":"1001","wageType":"1100","amount":"1.001"},
                  {"employeeNo":"1001","wageType":"1100","amount":"1.00","colour":"red"}]}""".formatted(employer));
        assertProblem(response, 400, "bad lines (5)");
        assertThat(response.getBody().get("errors").findValuesAsText("at"))
                .containsExactly("lines[1]", "lines[2]", "lines[3]", "lines[4]", "lines[5]");
        assertThat(response.getBody().get("errors").toString()).contains("not JSON numbers", "employee 9999 is not registered",
                "wage type 7777 is not in the wage-type catalogue", "at most 2 decimals", "colour");
        assertThat(get("/api/payroll-runs/R-BAD-LINES").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aCsvFileWithBadRowsNamesTheirLineNumbers() {
        String employer = employer();
        ResponseEntity<JsonNode> response = postCsv("R-BAD-CSV", employer, """
                employeeNo;wageType;amount
                1001;1100;100,00
                1001;1100;1.234,50
                1001;1100
                1001;1100;12,345
                """);
        assertProblem(response, 400, "bad lines (3)");
        assertThat(response.getBody().get("errors").findValuesAsText("at")).containsExactly("line 3", "line 4", "line 5");
        assertProblem(postCsv("R-BAD-CSV", employer, "employee;wageType;amount\n1001;1100;1,00\n"), 400, "unknown column 'employee'");
        assertThat(get("/api/payroll-runs/R-BAD-CSV").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theSameRunAgainIsAnsweredWithTheStoredRunAndOtherContentIsA409() {
        String employer = employer();
        String run = balancedRun("R-AGAIN", employer, "1000.00");
        assertThat(postJson(run).getStatusCode().value()).isEqualTo(202);
        ResponseEntity<JsonNode> again = postJson(run);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("runId").asText()).isEqualTo("R-AGAIN");
        assertProblem(postJson(balancedRun("R-AGAIN", employer, "1000.01")), 409, "other content");
        awaitStatus("R-AGAIN", "CALCULATED");
        assertThat(get("/api/payroll-runs/R-AGAIN").getBody().get("vouchers")).hasSize(1);
    }

    @Test
    void unknownEmployersRunsAndVouchersAreClearErrors() {
        assertProblem(postJson(balancedRun("R-NO-EMPLOYER", "NOBODY", "1.00")), 422, "employer 'NOBODY' is not registered");
        assertProblem(get("/api/payroll-runs/R-NOT-THERE"), 404, "no payroll run 'R-NOT-THERE'");
        assertProblem(get("/api/payroll-runs/R-NOT-THERE/voucher.csv"), 404, "no payroll run");
        String employer = employer();
        postJson(balancedRun("R-NO-VOUCHER-9", employer, "1.00"));
        awaitStatus("R-NO-VOUCHER-9", "CALCULATED");
        assertProblem(get("/api/payroll-runs/R-NO-VOUCHER-9/vouchers/9/voucher.csv"), 404, "no voucher 9");
        assertProblem(payroll.postForEntity("/api/payroll-runs/R-NOT-THERE/approval", json("{}"), JsonNode.class), 404,
                "no payroll run");
    }

    @Test
    void aRunBeforeItsChartsValidFromIsRefusedAndSoIsAPostingCheckAfterTheEmployerMovesToSuchAChart() {
        String employer = employer();
        ResponseEntity<JsonNode> early = postJson("""
                {"runId":"R-EARLY","employerId":"%s","periods":[{"from":"2025-12-01","to":"2025-12-31"}],
                 "dispositionDate":"2025-12-30","lines":[{"employeeNo":"1001","wageType":"1100","amount":"1.00"}]}"""
                .formatted(employer));
        assertProblem(early, 422, "no chart period covering 2025-12-31");

        postJson(balancedRun("R-CHECK-" + employer, employer, "500.00"));
        awaitStatus("R-CHECK-" + employer, "CALCULATED");
        String later = "L" + employer.substring(employer.length() - 1);
        copyChart(chartOf(employer), later, "2026-11-01");
        put(payroll, "/api/employers/" + employer, """
                {"name":"Test","sortingCode":"S1","chartPeriods":[{"from":"2026-01-01","chartCode":"%s"}]}""".formatted(later));
        ResponseEntity<JsonNode> check = payroll.postForEntity("/api/payroll-runs/R-CHECK-" + employer + "/posting-check", null,
                JsonNode.class);
        assertProblem(check, 422, "chart " + later + " is valid from 2026-11-01");
        assertThat(get("/api/payroll-runs/R-CHECK-" + employer).getBody().get("vouchers")).hasSize(1);
    }

    @Test
    void approvalPostsTheCentralLinesOnceAndARefusalByTheLedgerCanBeApprovedAgain() throws Exception {
        String employer = employer();
        String runId = "R-APPROVE-" + employer;
        postJson(balancedRun(runId, employer, "1234.56"));
        awaitStatus(runId, "CALCULATED");

        ResponseEntity<JsonNode> pending = approve(runId);
        assertThat(pending.getStatusCode().value()).isEqualTo(202);
        assertThat(pending.getBody().get("status").asText()).isEqualTo("APPROVAL_PENDING");
        ConsumerRecord<String, String> command = kafka.await(r -> r.key().equals("payroll-" + runId + "-v1"), 1).get(0);
        JsonNode message = JSON.readTree(command.value());
        assertThat(message.get("type").asText()).isEqualTo("PostJournalEntry");
        assertThat(message.get("sender").asText()).isEqualTo("payroll");
        // signed as the payroll service, on behalf of the user who approved
        assertThat(header(command, CommandSignature.SENDER_HEADER)).isEqualTo("payroll");
        assertThat(header(command, CommandSignature.ON_BEHALF_OF_HEADER)).isEqualTo(APPROVER);
        assertThat(CommandSignature.verify(TestIdentities.PAYROLL_SECRET, "payroll", APPROVER, command.key(), command.value(),
                header(command, CommandSignature.SIGNATURE_HEADER))).isTrue();
        assertThat(message.get("correlationId").asText()).isEqualTo("payroll-run-" + runId);
        assertThat(message.get("payload").get("lines").toString())
                .contains("{\"account\":\"0000000400\",\"debit\":\"1234.56\"}", "{\"account\":\"0000000500\",\"credit\":\"1234.56\"}");
        assertThat(approve(runId).getBody().get("ledger")).as("approving twice sends once").hasSize(1);

        answer(LedgerCommandResult.rejected("payroll-" + runId + "-v1", 404, "account 0000000400 does not exist"));
        JsonNode rejected = awaitStatus(runId, "REJECTED");
        assertThat(rejected.get("failure").asText()).contains("account 0000000400 does not exist");

        approve(runId);
        assertThat(kafka.await(r -> r.key().equals("payroll-" + runId + "-v1"), 2)).hasSize(2);
        answer(LedgerCommandResult.accepted("payroll-" + runId + "-v1", "POSTED"));
        answer(LedgerCommandResult.accepted("payroll-" + runId + "-v1", "POSTED")); // at least once: a repeat changes nothing
        JsonNode posted = awaitStatus(runId, "POSTED");
        assertThat(posted.get("postedEntryId").asText()).isEqualTo("payroll-" + runId + "-v1");
        assertThat(posted.get("ledger").findValuesAsText("status")).containsExactly("REJECTED", "ACCEPTED");
    }

    /**
     * Issue 15: an answer that is not readable (here: not JSON) cannot stop the answers behind it
     * on its partition: it is parked in ledger.command-results.dlt with the reason, and the
     * ledger's real answer, sent after it with the same key, posts the run.
     */
    @Test
    void anUnreadableAnswerIsParkedInTheDeadLetterTopicAndTheAnswerBehindItIsHandled() throws Exception {
        String employer = employer();
        String runId = "R-POISON-" + employer, commandId = "payroll-" + runId + "-v1";
        postJson(balancedRun(runId, employer, "99.00"));
        awaitStatus(runId, "CALCULATED");
        assertThat(approve(runId).getStatusCode().value()).isEqualTo(202);
        kafka.await(r -> r.topic().equals(Topics.LEDGER_COMMANDS) && r.key().equals(commandId), 1);

        kafka.send(Topics.LEDGER_COMMAND_RESULTS, commandId, "{\"commandId\":\"" + commandId + "\",\"status\":");
        answer(LedgerCommandResult.accepted(commandId, "POSTED"));

        assertThat(awaitStatus(runId, "POSTED").get("postedEntryId").asText()).isEqualTo(commandId);
        ConsumerRecord<String, String> parked = kafka.await(r -> r.topic().equals(DEAD_LETTERS) && r.key().equals(commandId), 1).get(0);
        assertThat(parked.value()).startsWith("{\"commandId\":\"" + commandId + "\",\"status\":");
        assertThat(header(parked, "kafka_dlt-exception-message")).startsWith("not readable as the published contract: malformed JSON");
        assertThat(header(parked, "kafka_dlt-original-topic")).isEqualTo(Topics.LEDGER_COMMAND_RESULTS);
        assertThat(header(parked, "kafka_dlt-original-consumer-group")).isEqualTo("payroll-posting-service");
    }

    @Test
    void inputPostingOverridesTheAccountAndDepartmentOfALine() {
        String employer = employer();
        ResponseEntity<JsonNode> received = postJson("""
                {"runId":"R-INPUT-%1$s","employerId":"%1$s","periods":[{"from":"2026-10-01","to":"2026-10-31"}],
                 "dispositionDate":"2026-10-30","lines":[
                  {"employeeNo":"1001","wageType":"1100","amount":"100.00","overrides":{"department":"3030","account":"0000000410"}},
                  {"employeeNo":"1001","wageType":"9991","amount":"100.00"}]}""".formatted(employer));
        assertThat(received.getStatusCode().value()).as(String.valueOf(received.getBody())).isEqualTo(202);
        awaitStatus("R-INPUT-" + employer, "CALCULATED");
        String csv = payroll.getForObject("/api/payroll-runs/R-INPUT-" + employer + "/voucher.csv", String.class);
        assertThat(csv).contains(";3030;0000000410;100,00;").doesNotContain("0000000400");
    }

    @Test
    void aRunOf20000LinesIsCalculatedWithItsProgressShown() {
        String employer = employer();
        StringBuilder body = new StringBuilder("employeeNo;wageType;amount\n");
        List<String> employees = new java.util.ArrayList<>();
        for (int e = 0; e < 1000; e++) {
            employees.add("{\"employeeNo\":\"" + (20000 + e) + "\",\"employment\":[{\"from\":\"2020-01-01\",\"department\":\""
                    + (e % 2 == 0 ? "1010" : "2020") + "\"}]}");
            for (int l = 0; l < 10; l++) {
                body.append(20000 + e).append(";1100;").append(100 + l).append(",25\n");
                body.append(20000 + e).append(";9991;").append(100 + l).append(",25\n");
            }
        }
        ResponseEntity<JsonNode> added = payroll.postForEntity("/api/employers/" + employer + "/employees",
                json("[" + String.join(",", employees) + "]"), JsonNode.class);
        assertThat(added.getStatusCode().is2xxSuccessful()).as(String.valueOf(added.getBody())).isTrue();

        assertThat(postCsv("R-BIG", employer, body.toString()).getStatusCode().value()).isEqualTo(202);
        JsonNode run = awaitStatus("R-BIG", "CALCULATED");
        assertThat(run.get("lineCount").asLong()).isEqualTo(20_000);
        assertThat(run.get("progress").get("linesDone").asLong()).isEqualTo(20_000);
        assertThat(run.get("progress").get("percent").asDouble()).isEqualTo(100.0);
        JsonNode voucher = run.get("vouchers").get(0);
        assertThat(voucher.get("employees").asInt()).isEqualTo(1000);
        // 1000 employees × (100.25 + ... + 109.25) = 1000 × 1047.50
        assertThat(voucher.get("voucherTotals").get("debit").asText()).isEqualTo("1047500.00");
        assertThat(voucher.get("postable").asBoolean()).isTrue();
        String spec = payroll.getForObject("/api/payroll-runs/R-BIG/spec.csv", String.class);
        assertThat(spec.lines().count()).as("a header and one row per line").isEqualTo(20_001);
    }

    // --- set-up: each test gets its own employer, chart and employees -------------------------

    private String employer() {
        String employer = "EMP" + EMPLOYERS.incrementAndGet();
        put(payroll, "/api/wage-types/1100", "{\"text\":\"Månedsløn\"}");
        put(payroll, "/api/wage-types/9991", "{\"text\":\"Nettoløn\"}");
        String chart = chartOf(employer);
        copyChart("SD", chart, "2026-01-01");
        for (String line : List.of(
                "{\"group\":\"*\",\"wageType\":\"1100\",\"seq\":1,\"side\":\"D\",\"account\":\"0000000400\",\"deptCode\":\"ANS\"}",
                "{\"group\":\"*\",\"wageType\":\"9991\",\"seq\":1,\"side\":\"K\",\"account\":\"0000000500\"}")) {
            ResponseEntity<JsonNode> added = payroll.postForEntity("/api/charts/" + chart + "/lines", json(line), JsonNode.class);
            assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(201);
        }
        put(payroll, "/api/sorting-codes/S1", "{\"description\":\"Afdeling og konto\",\"fields\":[\"department\",\"account\"],\"pageBreak\":false}");
        put(payroll, "/api/employers/" + employer, """
                {"name":"Test","sortingCode":"S1","chartPeriods":[{"from":"2026-01-01","chartCode":"%s"}]}""".formatted(chart));
        put(payroll, "/api/employers/" + employer + "/employees/1001", "{\"employment\":[{\"from\":\"2020-01-01\",\"department\":\"1010\"}]}");
        return employer;
    }

    private static String chartOf(String employer) {
        int n = Integer.parseInt(employer.substring(3));
        return "" + (char) ('P' + n / 10) + (n % 10);
    }

    private void copyChart(String from, String to, String validFrom) {
        ResponseEntity<JsonNode> copy = payroll.postForEntity("/api/charts/" + from + "/copy", json("""
                {"code":"%s","description":"Test","validFrom":"%s"}""".formatted(to, validFrom)), JsonNode.class);
        assertThat(copy.getStatusCode().value()).as(String.valueOf(copy.getBody())).isEqualTo(201);
    }

    private static String balancedRun(String runId, String employer, String amount) {
        return """
                {"runId":"%s","employerId":"%s","periods":[{"from":"2026-10-01","to":"2026-10-31"}],
                 "dispositionDate":"2026-10-30","lines":[
                  {"employeeNo":"1001","wageType":"1100","amount":"%3$s"},
                  {"employeeNo":"1001","wageType":"9991","amount":"%3$s"}]}""".formatted(runId, employer, amount);
    }

    private void answer(LedgerCommandResult result) throws Exception {
        kafka.send(Topics.LEDGER_COMMAND_RESULTS, result.commandId(), JSON.writeValueAsString(result));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private ResponseEntity<JsonNode> approve(String runId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestIdentities.token(APPROVER, "payroll"));
        return payroll.postForEntity("/api/payroll-runs/" + runId + "/approval", new HttpEntity<>("{}", headers), JsonNode.class);
    }

    private JsonNode awaitStatus(String runId, String status) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/payroll-runs/" + runId).getBody(),
                run -> run != null && status.equals(run.path("status").asText()));
    }

    private ResponseEntity<JsonNode> get(String path) {
        return payroll.getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> postJson(String body) {
        return payroll.postForEntity("/api/payroll-runs", json(body), JsonNode.class);
    }

    private ResponseEntity<JsonNode> postCsv(String runId, String employer, String csv) {
        return payroll.exchange("/api/payroll-runs?runId=" + runId + "&employerId=" + employer
                + "&dispositionDate=2026-10-30&periods=2026-10-01..2026-10-31", HttpMethod.POST, csv(csv),
                JsonNode.class);
    }



    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String detail) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody().get("detail").asText()).contains(detail);
    }
}
