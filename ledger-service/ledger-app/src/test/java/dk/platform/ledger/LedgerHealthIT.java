package dk.platform.ledger;

import dk.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LedgerHealthIT {

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void healthIsUpWithPostgresMongoAndKafkaAsComponents() {
        Map<String, Object> health = http.getForObject("/actuator/health", Map.class);
        assertThat(health.get("status")).isEqualTo("UP");
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");
        assertThat(components).containsKeys("db", "mongo", "kafka");
        assertThat(components.get("db").get("status")).isEqualTo("UP");
        assertThat(components.get("mongo").get("status")).isEqualTo("UP");
        assertThat(components.get("kafka").get("status")).isEqualTo("UP");
        assertThat(((Map<String, Object>) components.get("db").get("details")).get("database")).isEqualTo("PostgreSQL");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void anonymousHealthShowsTheStatusAndNothingAboutTheServers() throws Exception {
        java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        List<String> fields = new ArrayList<>();
        new ObjectMapper().readTree(health.body()).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("status");
    }

    @Test
    void openApiDocsAndSwaggerUiAreServed() {
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void everyLedgerEndpointIsDocumentedAndEveryCommandHasAnExample() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(http.getForObject("/v3/api-docs", String.class)).get("paths");
        List<String> documented = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            documented.add(name);
            assertThat(op.getValue().path("summary").asText()).as("summary of %s", name).isNotBlank();
            if (op.getValue().has("requestBody")) {
                JsonNode content = op.getValue().path("requestBody").path("content");
                assertThat(content.findValue("example") != null || content.findValue("examples") != null)
                        .as("example of %s in %s", name, op.getValue()).isTrue();
            }
        }));
        assertThat(documented).contains("POST /api/accounts", "POST /api/journal-entries", "POST /api/journal-entries/{entryId}/reversal",
                "POST /api/open-items", "POST /api/open-items/{openItemId}/write-offs", "POST /api/payments", "POST /api/applications",
                "DELETE /api/applications/{applicationId}", "GET /api/open-items", "GET /api/open-items/{openItemId}",
                "GET /api/accounts/{number}", "GET /api/trial-balance", "GET /api/audit/events", "PUT /api/parties/{party}");
    }

    @Test
    void unknownPathIsAProblemJson404() {
        var response = http.getForEntity("/api/nothing-here", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    }
}
