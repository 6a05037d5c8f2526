package dk.platform.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.payroll.chart.Charts;
import dk.platform.payroll.setup.SetupStore;
import dk.platform.test.HostileRequestsContract;
import dk.platform.test.IntegrationTest;
import dk.platform.test.TestIdentities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's classes of hostile input against payroll-posting-service, one test each: every one is
 * a 400 problem+json that names the field, with neither the setup revision nor the stored runs
 * changed. Tokens, health, odd paths and oversized requests: {@link HostileRequestsContract}.
 * Charts and sorting codes here are W*; the employer is HI-*.
 */
@IntegrationTest
class HostileInputIT extends HostileRequestsContract {

    static final String LINE_1100 = """
            {"group":"*","wageType":"1100","seq":1,"side":"D","account":"0000000400"}""";
    static final String LINE_9991 = """
            {"group":"*","wageType":"9991","seq":1,"side":"K","account":"0000000500"}""";

    @Autowired
    SetupStore setup;
    @Autowired
    Charts charts;
    @Autowired
    MongoTemplate mongo;
    String s;
    String employer;

    @BeforeEach
    void setUp() {
        s = UUID.randomUUID().toString().substring(0, 8);
        employer = "HI-EMP-" + s;
        ok("PUT", "/api/wage-types/1100", "{\"text\":\"Månedsløn\"}");
        ok("PUT", "/api/wage-types/9991", "{\"text\":\"Nettoløn\"}");
        if (charts.chart("WA").isEmpty()) {
            ok("PUT", "/api/charts/WA", "{\"description\":\"Hostile\",\"validFrom\":\"2026-01-01\"}");
            ok("PUT", "/api/charts/WA/lines", "[" + LINE_1100 + "," + LINE_9991 + "]");
        }
        ok("PUT", "/api/sorting-codes/WS", "{\"description\":\"Konto\",\"fields\":[\"account\"],\"pageBreak\":false}");
        ok("PUT", "/api/employers/" + employer, """
                {"name":"Hostile","sortingCode":"WS","chartPeriods":[{"from":"2026-01-01","chartCode":"WA"}]}""");
        ok("PUT", "/api/employers/" + employer + "/employees/1001", "{\"employment\":[{\"from\":\"2020-01-01\",\"department\":\"1010\"}]}");
    }

    @Override
    protected String writePath() {
        return "/api/charts/WA/lines";
    }

    @Override
    protected String validBody() {
        return LINE_1100;
    }

    @Override
    protected Object recorded() {
        return List.of(setup.revision(), mongo.getCollection("payroll_runs").countDocuments());
    }

    @Override
    protected String idPathPrefix() {
        return "/api/payroll-runs/";
    }

    // ------------------------------------------------------------------ the valid inputs are taken

    @Test
    void theValidRunIsReceivedSoTheRefusalsBelowAreRefusalsOfTheirInputAlone() {
        assertThat(send("POST", "/api/payroll-runs", "application/json", run("HI-OK-" + s)).status()).isEqualTo(202);
        assertThat(send("POST", csvRun("HI-OK-CSV-" + s, "2026-10-30", "2026-10-01..2026-10-31"), "text/csv", CSV).status())
                .isEqualTo(202);
    }

    // ------------------------------------------------------------------ 1 dates

    @Test
    void aChartValidFromWrittenAsANumberIsRefusedNamingTheField() {
        refused("PUT", "/api/charts/WB", "{\"description\":\"Tal\",\"validFrom\":20260101}", "validFrom");
        refused("PUT", "/api/charts/WA", "{\"description\":\"Tal\",\"validFrom\":20260101}", "validFrom");
        refused("POST", "/api/charts/WA/copy", "{\"code\":\"WC\",\"validFrom\":20260101}", "validFrom");
        for (String date : new String[]{"+12026-01-01", "-2026-01-01", "0000-01-01", "2026-01-01T00:00:00", "3000-01-01"}) {
            refused("PUT", "/api/charts/WB", "{\"description\":\"Dato\",\"validFrom\":\"" + date + "\"}", "validFrom");
            refused("PUT", "/api/employers/" + employer, """
                    {"name":"Hostile","sortingCode":"WS","chartPeriods":[{"from":"%s","chartCode":"WA"}]}""".formatted(date), "from");
        }
        assertThat(charts.chart("WB")).isEmpty();
    }

    @Test
    void aRunsDatesAreStrictInJsonAndInTheCsvFormsParameters() {
        for (String date : new String[]{"+12026-10-30", "-2026-10-30", "0000-10-30", "2026-10-30T00:00:00", "3000-10-30"}) {
            refused("POST", "/api/payroll-runs", run("HI-D-" + s).replace("\"dispositionDate\":\"2026-10-30\"",
                    "\"dispositionDate\":\"" + date + "\""), "dispositionDate");
            refused("POST", "/api/payroll-runs", run("HI-D-" + s).replace("\"to\":\"2026-10-31\"", "\"to\":\"" + date + "\""), "to");
            refusedAs("POST", csvRun("HI-D-" + s, date, "2026-10-01..2026-10-31"), "text/csv", CSV, "dispositionDate");
            refusedAs("POST", csvRun("HI-D-" + s, "2026-10-30", "2026-10-01.." + date), "text/csv", CSV, "period");
        }
        refused("POST", "/api/payroll-runs", run("HI-D-" + s).replace("\"2026-10-30\"", "20261030"), "dispositionDate");
    }

    // ------------------------------------------------------------------ 2 lenient JSON

    @Test
    void aPercentAsAStringOrWithAnExponentIsRefused() {
        for (String percent : new String[]{"\"50\"", "1e2", "5E1", "true"}) {
            refused("PUT", "/api/employers/" + employer + "/employees/1002", """
                    {"employment":[{"from":"2026-01-01","department":"1010"}],
                     "distributions":[{"wageType":"1100","from":"2026-01-01","field":"account","value":"0000000410","percent":%s}]}"""
                    .formatted(percent), "percent");
        }
    }

    @Test
    void trailingContentAfterTheBodyIsRefused() {
        String header = "{\"description\":\"Efter\",\"validFrom\":\"2026-01-01\"}";
        for (String trailer : new String[]{"xyz", header, "]", " {}"}) {
            refused("PUT", "/api/charts/WA", header + trailer, null);
            refused("POST", "/api/payroll-runs", run("HI-T-" + s) + trailer, null);
            refused("PUT", "/api/wage-types/1100", "{\"text\":\"Månedsløn\"}" + trailer, null);
        }
    }

    // ------------------------------------------------------------------ 3 control characters

    @Test
    void aNulInANameOrTextIsA400() {
        refused("PUT", "/api/employers/" + employer, """
                {"name":"Host\\u0000ile","sortingCode":"WS","chartPeriods":[{"from":"2026-01-01","chartCode":"WA"}]}""", "name");
        refused("PUT", "/api/wage-types/1100", "{\"text\":\"Måneds\\u0000løn\"}", "text");
        refused("PUT", "/api/charts/WA", "{\"description\":\"Hos\\u0000tile\",\"validFrom\":\"2026-01-01\"}", "description");
        refused("PUT", "/api/sorting-codes/WS", "{\"description\":\"Ko\\u0000nto\",\"fields\":[\"account\"]}", "description");
        refused("POST", "/api/charts/WA/lines", LINE_1100.replace("0000000400", "0000\\u0000400"), "account");
        refused("POST", "/api/payroll-runs", run("HI-C-" + s).replace("\"1001\"", "\"10\\u000001\""), "employeeNo");
        refusedAs("POST", csvRun("HI-C-" + s, "2026-10-30", "2026-10-01..2026-10-31"), "text/csv",
                CSV.replace("1001;1100", "1001\u0000;1100"), "employeeNo");
    }

    // ------------------------------------------------------------------ 4 ids

    @Test
    void aRunIdOfDotsOrTenThousandCharactersIsRefusedAndEchoedAtMostAsAShortPrefix() {
        refused("POST", "/api/payroll-runs", run(".."), "runId");
        refused("POST", "/api/payroll-runs", run("."), "runId");
        refusedAs("POST", csvRun("..", "2026-10-30", "2026-10-01..2026-10-31"), "text/csv", CSV, "runId");
        Reply huge = send("POST", "/api/payroll-runs", "application/json", run("a".repeat(10_000)));
        assertThat(huge.status()).as(huge.body()).isEqualTo(400);
        assertThat(huge.body()).contains("runId").doesNotContain("a".repeat(100));
    }

    // ------------------------------------------------------------------ helpers

    static final String CSV = "employeeNo;wageType;amount\n1001;1100;100,00\n1001;9991;100,00\n";

    String run(String runId) {
        return """
                {"runId":"%s","employerId":"%s","periods":[{"from":"2026-10-01","to":"2026-10-31"}],
                 "dispositionDate":"2026-10-30","lines":[
                  {"employeeNo":"1001","wageType":"1100","amount":"100.00"},
                  {"employeeNo":"1001","wageType":"9991","amount":"100.00"}]}""".formatted(runId, employer);
    }

    String csvRun(String runId, String dispositionDate, String period) {
        return "/api/payroll-runs?runId=" + java.net.URLEncoder.encode(runId, java.nio.charset.StandardCharsets.UTF_8) + "&employerId="
                + employer + "&dispositionDate=" + java.net.URLEncoder.encode(dispositionDate, java.nio.charset.StandardCharsets.UTF_8)
                + "&periods=" + java.net.URLEncoder.encode(period, java.nio.charset.StandardCharsets.UTF_8);
    }

    record Reply(int status, String contentType, String body) {
    }

    Reply send(String method, String path, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + TestIdentities.token("hostile", TestIdentities.ROLES.toArray(String[]::new)))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void ok(String method, String path, String body) {
        Reply r = send(method, path, "application/json", body);
        assertThat(r.status()).as("setting up " + method + " " + path + ": " + r.body()).isBetween(200, 299);
    }

    void refused(String method, String path, String body, String field) {
        refusedAs(method, path, "application/json", body, field);
    }

    /** Sends the body and checks a 400 problem+json whose detail (or errors) names the field; nothing recorded. */
    void refusedAs(String method, String path, String contentType, String body, String field) {
        Object before = recorded();
        Reply r = send(method, path, contentType, body);
        assertThat(r.status()).as(method + " " + path + " " + body + ": " + r.body()).isEqualTo(400);
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        JsonNode problem = read(r.body());
        assertThat(problem.path("detail").asText().length()).as(r.body()).isBetween(1, 400);
        if (field != null) {
            assertThat(problem.path("detail").asText() + problem.path("errors")).as(r.body()).contains(field);
        }
        assertThat(recorded()).as("recorded after a refused " + method + " " + path).isEqualTo(before);
    }

    static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
