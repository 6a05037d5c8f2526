package dk.platform.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import javax.sql.DataSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service without a database of its own must show (settlement, payroll): health with
 * MongoDB and Kafka, no PostgreSQL, API docs, problem+json for bad paths and bad JSON. A service's
 * test extends it, is annotated {@link IntegrationTest}, and has a test controller that echoes a
 * record body at {@code POST /test/echo}.
 */
public abstract class ServiceWithoutDatabaseContract {

    /** The title the service's OpenAPI document carries. */
    protected abstract String apiTitle();

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void healthIsUpWithMongoAndKafkaAsComponentsAndNoDatabase() {
        Map<String, Object> health = http.getForObject("/actuator/health", Map.class);
        assertThat(health.get("status")).isEqualTo("UP");
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");
        assertThat(components).containsKeys("mongo", "kafka").doesNotContainKey("db");
        assertThat(components.get("mongo").get("status")).isEqualTo("UP");
        assertThat(components.get("kafka").get("status")).isEqualTo("UP");
        assertThat(((Map<String, Object>) components.get("kafka").get("details")).get("clusterId")).isNotNull();
    }

    @Test
    void usesNoPostgres() {
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
    }

    @Test
    void openApiDocsAndSwaggerUiAreServed() {
        ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(docs.getBody()).contains("\"openapi\"", apiTitle());
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void unknownPathIsAProblemJson404() {
        ResponseEntity<String> response = http.getForEntity("/api/nothing-here", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void malformedJsonIsAProblemJson400() {
        ResponseEntity<String> response = post("{\"text\": \"hi\", \"count\": ");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody()).contains("malformed JSON");
    }

    @Test
    void unknownFieldIsAProblemJson400NamingTheField() {
        ResponseEntity<String> response = post("{\"text\": \"hi\", \"count\": 1, \"extra\": true}");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody()).contains("unknown field 'extra'");
    }

    @Test
    void aDuplicateFieldIsAProblemJson400RatherThanItsLastValue() {
        ResponseEntity<String> response = post("{\"text\": \"hi\", \"count\": 1, \"count\": 1000000}");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody()).contains("Duplicate field 'count'");
    }

    @Test
    void aBodyOverTheSizeLimitIsAProblemJson413() {
        ResponseEntity<String> response = post("{\"text\": \"" + "x".repeat(1024 * 1024) + "\", \"count\": 1}");
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody()).contains("larger than the 1048576 bytes accepted here");
    }

    @Test
    void wellFormedJsonIsAccepted() {
        ResponseEntity<String> response = post("{\"text\": \"hi\", \"count\": 1}");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"count\":1");
    }

    private ResponseEntity<String> post(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/test/echo", new HttpEntity<>(json, headers), String.class);
    }
}
