package dk.platform.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import dk.platform.ledger.api.EventEnvelope;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.Topics;
import dk.platform.ledger.api.command.ItemLine;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.settlement.support.SettlementExample;
import dk.platform.test.HostileRequestsContract;
import dk.platform.test.IntegrationTest;
import dk.platform.test.KafkaProbe;
import dk.platform.test.TestIdentities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15's classes of hostile input against settlement-service, one test each: every one is a
 * 400 problem+json at intake, with nothing stored and nothing sent on ledger.commands, so no
 * write-off is posted for a statement that could never settle (item 7). Tokens, health, odd paths
 * and oversized requests: {@link HostileRequestsContract}.
 */
@IntegrationTest
class HostileInputIT extends HostileRequestsContract {

    static KafkaProbe kafka;

    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ObjectMapper json;
    String s;
    String item;

    @BeforeAll
    static void probe(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        kafka = new KafkaProbe(brokers, Topics.LEDGER_COMMANDS);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @BeforeEach
    void setUp() {
        s = "HI-" + UUID.randomUUID().toString().substring(0, 8);
        item = registeredItem(s + "-ITEM");
    }

    @Override
    protected String writePath() {
        return "/api/settlements";
    }

    @Override
    protected String validBody() {
        return SettlementExample.body(s + "-TOKEN", item);
    }

    @Override
    protected Object recorded() {
        return List.of(statements(), sentToTheLedger(Duration.ofMillis(300)));
    }

    @Override
    protected String idPathPrefix() {
        return "/api/settlements/";
    }

    long statements() {
        return mongo.getCollection("statements").countDocuments(Filters.regex("_id", "^" + s));
    }

    /** Records on ledger.commands keyed by one of this test's statements (a command's key starts with its statement id). */
    long sentToTheLedger(Duration quietFor) {
        return kafka.during(quietFor, r -> r.key() != null && r.key().startsWith(s)).size();
    }

    /** Posts the body and checks a 400 problem+json whose detail contains the words; nothing stored, nothing sent. */
    void refused(String body, String... detail) {
        refusedAs("application/json", body, detail);
    }

    void refusedCsv(String body, String... detail) {
        refusedAs("text/csv", body, detail);
    }

    private void refusedAs(String contentType, String body, String... detail) {
        long before = statements();
        Reply r = send(contentType, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        r.assertProblem();
        String shown = read(r.body()).path("detail").asText();
        if (detail.length > 0) {
            assertThat(shown).as(r.body()).contains(detail);
        }
        assertThat(statements()).as("statements stored by a refused request").isEqualTo(before);
    }

    @org.junit.jupiter.api.AfterEach
    void nothingWasSentToTheLedger() {
        assertThat(sentToTheLedger(Duration.ofSeconds(1))).as("commands sent on ledger.commands for this test's statements").isZero();
    }

    record Reply(int status, String contentType, String body) {
        void assertProblem() {
            assertThat(contentType).as(body).startsWith("application/problem+json");
            JsonNode problem = read(body);
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("detail").asText().length()).as(body).isBetween(1, 400);
        }
    }

    /** POSTs a statement as the settlement role, in the content type given. */
    Reply send(String contentType, String body) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/settlements"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + TestIdentities.token("hostile", "settlement"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ the valid statement is taken

    @Test
    void theValidStatementIsStoredSoTheRefusalsBelowAreRefusalsOfTheirInputAlone() {
        Reply r = send("application/json", SettlementExample.body(s + "-OK", item));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(read(r.body()).get("status").asText()).isEqualTo("REJECTED");
        Reply csv = send("text/csv", SettlementExample.csv(s + "-OK-CSV", item));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(statements()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ 7 accounts the ledger would refuse

    @Test
    void anAccountWithALeadingSpaceDotsOrSixSegmentsIsRefusedAtIntake() {
        for (String account : new String[]{" X", "../X", "1-2-3-4-5-6", "X ", "a/b", ".."}) {
            String quoted = json(account);
            refused(SettlementExample.body(s + "-A", item).replace("\"5820\"", quoted), "cashAccount");
            refused(SettlementExample.body(s + "-A", item).replace("\"7250\"", quoted), "fees[0].account");
            refused(SettlementExample.body(s + "-A", item).replace("\"reference\":\"R-1007\",\"amount\":\"850.00\"",
                    "\"reference\":\"R-1007\",\"amount\":\"850.00\",\"account\":" + quoted), "rejected[0].account");
            refused(SettlementExample.body(s + "-A", item).replace("{\"amount\":\"-2.50\"}",
                    "{\"amount\":\"-2.50\",\"account\":" + quoted + "}"), "difference.account");
        }
        refusedCsv(SettlementExample.csv(s + "-A", item).replace(",5820,", ",../X,"), "cashAccount");
        refusedCsv(SettlementExample.csv(s + "-A", item).replace(",7250", ",../X"), "account");
        refusedCsv(SettlementExample.csv(s + "-A", item).replace(",7250", ",1-2-3-4-5-6"), "account");
    }

    // ------------------------------------------------------------------ 4 ids

    @Test
    void aStatementIdOfDotsOrTenThousandCharactersIsRefusedAndEchoedAtMostAsAShortPrefix() {
        refused(SettlementExample.body("..", item), "statementId");
        refused(SettlementExample.body(".", item), "statementId");
        refusedCsv(SettlementExample.csv("..", item), "statementId");
        String huge = s + "a".repeat(10_000);
        for (String contentType : new String[]{"application/json", "text/csv"}) {
            Reply r = send(contentType, contentType.equals("text/csv") ? SettlementExample.csv(huge, item)
                    : SettlementExample.body(huge, item));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            r.assertProblem();
            assertThat(r.body()).contains("statementId").doesNotContain("a".repeat(100));
            assertThat(r.body().length()).isLessThan(1000);
        }
        assertThat(statements()).isZero();
    }

    // ------------------------------------------------------------------ 1 dates

    @Test
    void aSettlementDateAsANumberOrWithAFiveDigitYearIsRefusedNamingTheField() {
        refused(SettlementExample.body(s + "-D", item).replace("\"2026-04-20\"", "20260420"), "settlementDate");
        for (String date : new String[]{"+12026-01-01", "-2026-01-01", "0000-01-01", "2026-04-20T00:00:00", "3000-01-01", "1899-12-31"}) {
            refused(SettlementExample.body(s + "-D", item).replace("2026-04-20", date), "settlementDate");
            refusedCsv(SettlementExample.csv(s + "-D", item).replace("2026-04-20", date), "settlementDate");
        }
    }

    // ------------------------------------------------------------------ 2 lenient JSON

    @Test
    void trailingContentAfterTheBodyIsRefused() {
        String body = SettlementExample.body(s + "-T", item);
        refused(body + "xyz");
        refused(body + body);
        refused(body + "]");
        refused(body + " {}");
    }

    // ------------------------------------------------------------------ 3 control characters

    @Test
    void aNulInAFeeTextOrAnyOtherFieldIsA400() {
        refused(SettlementExample.body(s + "-C", item).replace("Fondsbidrag", "Fonds\\u0000bidrag"), "text");
        refused(SettlementExample.body(s + "-C", item).replace("REGION-H", "REGION\\u0000H"), "party");
        refused(SettlementExample.body(s + "-C", item).replace("R-1007", "R-\\u00001007"), "reference");
        refused(SettlementExample.body(s + "-C", item).replace("Fondsbidrag", "Fonds\\u001bbidrag"), "text");
        refusedCsv(SettlementExample.csv(s + "-C", item).replace("Fondsbidrag", "Fonds\u0000bidrag"), "text");
        refusedCsv(SettlementExample.csv(s + "-C", item).replace("Administrationsgebyr", "Admin\u0007"), "text");
    }

    // ------------------------------------------------------------------ helpers

    static String json(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plays the ledger registering the worked example's invoice; waits until the service knows it. */
    String registeredItem(String id) {
        OpenItemRegistered registered = new OpenItemRegistered(id, OpenItemKind.RECEIVABLE, "REGION-H", "2026-03",
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30), "Sygesikring marts", Money.of("48250.00"), "1100", "1010",
                List.of(new ItemLine("practitioner-A", "A", Money.of("30000.00")), new ItemLine("practitioner-B", "B", Money.of("18250.00"))),
                List.of());
        try {
            kafka.send(Topics.LEDGER_EVENTS, id, json.writeValueAsString(new EventEnvelope(UUID.randomUUID().toString(),
                    "OpenItemRegistered", EventEnvelope.SCHEMA_VERSION, id, 0, LocalDate.of(2026, 3, 31), Instant.now(),
                    new EventEnvelope.Metadata("test", null, "test", null), json.valueToTree(registered))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> http.getForEntity("/api/open-items/" + id, String.class)
                .getStatusCode().value() == 200);
        return id;
    }
}
