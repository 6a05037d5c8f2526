package dk.platform.ledger.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.AccessMatrixContract;
import dk.platform.test.IntegrationTest;
import dk.platform.test.TestIdentities;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 on the ledger: every endpoint × every role and bad tokens and keys (the shared
 * {@link AccessMatrixContract}, with the ledger's table), what a refusal says, and the
 * authenticated subject in the record.
 */
@IntegrationTest
class LedgerAccessIT extends AccessMatrixContract {

    /** Who may call what: "METHOD path" → roles. */
    static final Map<String, Set<String>> EXPECTED = new TreeMap<>();

    static {
        expect("GET /api/audit/events", "auditor");
        expect("GET /api/audit/export", "auditor");
        expect("GET /api/admin/projections", "admin", "auditor");
        expect("GET /api/admin/projections/{name}/checksum", "admin", "auditor");
        expect("GET /api/admin/projections/{name}/verification", "admin", "auditor");
        expect("POST /api/admin/projections/{name}/rebuild", "admin");
        expect("POST /api/admin/replays", "admin");
        expect("GET /api/admin/replays/{subscriber}", "admin", "auditor");
        expect("POST /api/posting-definitions", "admin");
        expect("PUT /api/posting-definitions/{definitionId}", "admin");
        expect("DELETE /api/posting-definitions/{definitionId}", "admin");
        expect("GET /api/posting-definitions", "admin", "poster", "auditor");
        expect("GET /api/posting-definitions/{definitionId}", "admin", "poster", "auditor");
        expect("POST /api/posting-definitions/preview", "admin", "poster");
        expect("POST /api/funds", "admin");
        expect("POST /api/year-end-closings", "poster");
        expect("POST /api/year-end-closings/preview", "poster");
        expect("POST /api/accounts", "poster");
        expect("GET /api/accounts/{number}", "poster", "auditor");
        expect("GET /api/trial-balance", "poster", "auditor");
        expect("POST /api/journal-entries", "poster");
        expect("POST /api/journal-entries/{entryId}/reversal", "poster");
        expect("POST /api/payments", "poster");
        expect("POST /api/applications", "poster");
        expect("DELETE /api/applications/{applicationId}", "poster");
        expect("PUT /api/parties/{party}", "poster");
        expect("POST /api/open-items", "poster");
        expect("POST /api/open-items/{openItemId}/write-offs", "poster");
        expect("GET /api/open-items", "poster", "auditor");
        expect("GET /api/open-items/{openItemId}", "poster", "auditor");
        expect("POST /api/skyldige-beloeb", "poster");
        expect("POST /api/skyldige-beloeb/{debtId}/offsets", "poster");
        expect("POST /api/skyldige-beloeb/{debtId}/payments", "poster");
        expect("POST /api/skyldige-beloeb/{debtId}/write-offs", "poster");
        expect("GET /api/skyldige-beloeb", "poster", "auditor");
        expect("GET /api/skyldige-beloeb/{debtId}", "poster", "auditor");
        expect("GET /api/skyldige-beloeb/summary", "poster", "auditor");
    }

    static void expect(String endpoint, String... roles) {
        EXPECTED.put(endpoint, Set.of(roles));
    }

    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Override
    protected Map<String, Set<String>> expectedRoles() {
        return EXPECTED;
    }

    /** The events stored. */
    @Override
    protected Object recorded() {
        return jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
    }

    @Test
    void aRefusalSaysWhoAsksForWhatAndWhyAndHealthAndTheApiDocsStayOpen() throws Exception {
        JsonNode forbidden = JSON.readTree(send("POST", "/api/journal-entries", "Bearer " + TestIdentities.token("ann", "auditor"), "{}").body());
        assertThat(forbidden.get("detail").asText()).isEqualTo("'ann' (roles: auditor) may not POST /api/journal-entries");
        Instant later = Instant.now().plus(Duration.ofHours(1));
        Map<String, String> refused = Map.of(
                "Bearer " + TestIdentities.token("old", TestIdentities.AUDIENCE, Instant.now().minus(Duration.ofMinutes(5)), false, "poster"),
                "the bearer token has expired",
                "Bearer " + TestIdentities.token("elsewhere", "another-service", later, false, "poster"),
                "the bearer token is not valid here (signature, issuer, audience, or a missing expiry or subject)",
                "key:wrong-key", "the API key is not valid");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            assertThat(JSON.readTree(send("POST", "/api/journal-entries", e.getKey(), "{}").body()).get("detail").asText())
                    .isEqualTo(e.getValue());
        }
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v3/api-docs", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/metrics", "Bearer " + TestIdentities.token("p", "poster"), null).statusCode()).isEqualTo(403);
    }

    @Test
    void theRecordNamesTheAuthenticatedSubjectWhateverTheRequestClaims() throws Exception {
        Api api = new Api(http);
        TestChart.open(api);
        String entry = "SEC-" + UUID.randomUUID().toString().substring(0, 8);
        String body = json("{'entryId':'" + entry + "','postingDate':'2026-03-31','text':'Husleje',"
                + "'lines':[{'account':'6100','debit':'50.00'},{'account':'5820','credit':'50.00'}]}");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journal-entries"))
                .header("Content-Type", "application/json").header("X-User", "mallory")
                .header("Authorization", "Bearer " + TestIdentities.token("mette@clinic", "poster"));
        assertThat(client.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        String claimed = body.replace("\"text\"", "\"user\":\"mallory\",\"text\"");
        HttpResponse<String> refused = send("POST", "/api/journal-entries", "Bearer " + TestIdentities.token("mette@clinic", "poster"), claimed);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("unknown field 'user'");

        JsonNode events = JSON.readTree(http.getForObject("/api/audit/events?aggregateId=" + entry, String.class));
        assertThat(events).isNotEmpty();
        events.forEach(e -> assertThat(e.at("/metadata/user").asText()).isEqualTo("mette@clinic"));
        String export = http.getForObject("/api/audit/export?from=2026-03-31&to=2026-03-31&format=csv", String.class);
        assertThat(export.lines().filter(l -> l.contains(";" + entry + ";")).toList()).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains(";mette@clinic;"));
    }

    /** {@code credentials}: "Bearer ...", "key:..." for an API key, or null for none. */
    HttpResponse<String> send(String method, String path, String credentials, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        if (credentials != null && credentials.startsWith("key:")) {
            request.header("X-Api-Key", credentials.substring(4));
        } else if (credentials != null) {
            request.header("Authorization", credentials);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
