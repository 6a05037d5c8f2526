package dk.platform.ledger.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import dk.platform.test.TestIdentities;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 on the ledger: every endpoint × every role, bad tokens and keys, and the
 * authenticated subject in the record. The endpoints are read from the app's own mappings, so a
 * new endpoint without a line in {@link #EXPECTED} fails here.
 */
@IntegrationTest
class LedgerAccessIT {

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
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    record Call(String method, String path) {
        String endpoint() {
            return method + " " + path;
        }
    }

    record Answer(int status, String contentType, JsonNode body) {
    }

    @Test
    void everyEndpointAnswersOnlyTheRolesTheTableNamesAndARefusalRecordsNothing() throws Exception {
        List<Call> calls = endpoints();
        assertThat(new TreeSet<>(calls.stream().map(Call::endpoint).toList()))
                .as("every endpoint of the ledger has a line in EXPECTED, and every line an endpoint")
                .isEqualTo(EXPECTED.keySet());
        long events = events();
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            Answer none = send(call, null);
            if (none.status() != 401 || !"application/problem+json".equals(none.contentType())) {
                wrong.add(call.endpoint() + " without credentials: " + none.status());
            }
            for (String role : TestIdentities.ROLES) {
                if (!EXPECTED.get(call.endpoint()).contains(role)) {
                    Answer answer = send(call, "Bearer " + TestIdentities.token("matrix-" + role, role));
                    if (answer.status() != 403 || !"application/problem+json".equals(answer.contentType())) {
                        wrong.add(call.endpoint() + " as " + role + ": " + answer.status() + " (expected 403)");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(events()).as("no refused call recorded anything").isEqualTo(events);
        for (Call call : calls) {
            for (String role : EXPECTED.get(call.endpoint())) {
                Answer answer = send(call, "Bearer " + TestIdentities.token("matrix-" + role, role));
                if (answer.status() == 401 || answer.status() == 403) {
                    wrong.add(call.endpoint() + " as " + role + ": " + answer.status() + " " + answer.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void tokensThatAreExpiredWronglySignedOrForAnotherAudienceAndUnknownKeysAreRefused() throws Exception {
        Call post = new Call("POST", "/api/journal-entries");
        Instant later = Instant.now().plus(Duration.ofHours(1));
        long events = events();
        Map<String, String> refused = Map.of(
                "Bearer " + TestIdentities.token("old", TestIdentities.AUDIENCE, Instant.now().minus(Duration.ofMinutes(5)), false, "poster"),
                "the bearer token has expired",
                "Bearer " + TestIdentities.token("forger", TestIdentities.AUDIENCE, later, true, "poster"),
                "the bearer token is not valid here (signature, issuer or audience)",
                "Bearer " + TestIdentities.token("elsewhere", "another-service", later, false, "poster"),
                "the bearer token is not valid here (signature, issuer or audience)",
                "Bearer not.a.token", "the bearer token is not valid here (signature, issuer or audience)",
                "key:" + "wrong-key", "the API key is not valid");
        refused.forEach((credentials, detail) -> {
            Answer answer = send(post, credentials);
            assertThat(answer.status()).as(detail).isEqualTo(401);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.body().get("detail").asText()).isEqualTo(detail);
        });
        assertThat(events()).isEqualTo(events);
        assertThat(send(new Call("GET", "/api/trial-balance"), "key:" + TestIdentities.ALL_ROLES_KEY).status()).isEqualTo(200);
        assertThat(send(new Call("GET", "/actuator/health"), null).status()).isEqualTo(200);
        assertThat(send(new Call("GET", "/v3/api-docs"), null).status()).isEqualTo(200);
        Answer forbidden = send(post, "Bearer " + TestIdentities.token("ann", "auditor"));
        assertThat(forbidden.body().get("detail").asText()).isEqualTo("'ann' (roles: auditor) may not POST /api/journal-entries");
    }

    @Test
    void theRecordNamesTheAuthenticatedSubjectWhateverTheRequestClaims() throws Exception {
        Api api = new Api(http);
        TestChart.open(api);
        String entry = "SEC-" + UUID.randomUUID().toString().substring(0, 8);
        String body = json("{'entryId':'" + entry + "','postingDate':'2026-03-31','text':'Husleje',"
                + "'lines':[{'account':'1010','debit':'50.00'},{'account':'1100','credit':'50.00'}]}");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journal-entries"))
                .header("Content-Type", "application/json").header("X-User", "mallory")
                .header("Authorization", "Bearer " + TestIdentities.token("mette@clinic", "poster"));
        assertThat(client.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        String claimed = body.replace("\"text\"", "\"user\":\"mallory\",\"text\"");
        Answer refused = send(new Call("POST", "/api/journal-entries"), "Bearer " + TestIdentities.token("mette@clinic", "poster"), claimed);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asText()).contains("unknown field 'user'");

        JsonNode events = JSON.readTree(http.getForObject("/api/audit/events?aggregateId=" + entry, String.class));
        assertThat(events).isNotEmpty();
        events.forEach(e -> assertThat(e.at("/metadata/user").asText()).isEqualTo("mette@clinic"));
        String export = http.getForObject("/api/audit/export?from=2026-03-31&to=2026-03-31&format=csv", String.class);
        assertThat(export.lines().filter(l -> l.contains(";" + entry + ";")).toList()).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains(";mette@clinic;"));
    }

    List<Call> endpoints() {
        List<Call> calls = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(m -> calls.add(new Call(m.name(), pattern)));
            }
        }
        return calls.stream().distinct().toList();
    }

    long events() {
        return jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
    }

    Answer send(Call call, String credentials) {
        return send(call, credentials, "{}");
    }

    /** {@code credentials}: "Bearer ...", "key:..." for an API key, or null for none. */
    Answer send(Call call, String credentials, String body) {
        String path = call.path().replaceAll("\\{[^}]+}", "x");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        if (credentials != null && credentials.startsWith("key:")) {
            request.header("X-Api-Key", credentials.substring(4));
        } else if (credentials != null) {
            request.header("Authorization", credentials);
        }
        boolean withBody = call.method().equals("POST") || call.method().equals("PUT");
        request.method(call.method(), withBody ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0]).orElse(null);
            JsonNode parsed = type != null && type.contains("json") && !response.body().isBlank() ? JSON.readTree(response.body()) : null;
            return new Answer(response.statusCode(), type, parsed);
        } catch (Exception e) {
            throw new AssertionError(call.endpoint() + ": " + e, e);
        }
    }
}
