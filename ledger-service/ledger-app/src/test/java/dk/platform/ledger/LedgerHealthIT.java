package dk.platform.ledger;

import dk.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

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

    @Test
    void openApiDocsAndSwaggerUiAreServed() {
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void unknownPathIsAProblemJson404() {
        var response = http.getForEntity("/api/nothing-here", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    }
}
