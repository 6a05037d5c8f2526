package dk.platform.ledger.support;

import dk.platform.test.TestIdentities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Predicate;


/** Talks to the ledger over HTTP as a client would: JSON text in, status and JSON out. */
public class Api {

    public record Response(int status, JsonNode body, String contentType) {
        public String detail() {
            return body == null || body.get("detail") == null ? null : body.get("detail").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestRestTemplate http;

    public Api(TestRestTemplate http) {
        this.http = http;
    }

    public Response post(String path, String json) {
        return exchange(HttpMethod.POST, path, json);
    }

    public Response put(String path, String json) {
        return exchange(HttpMethod.PUT, path, json);
    }

    public Response delete(String path) {
        return exchange(HttpMethod.DELETE, path, null);
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    /** Polls a GET until its body satisfies the condition (views are eventually consistent). */
    public JsonNode await(String path, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Response r = get(path);
            last[0] = r.body();
            return r.status() == 200 && condition.test(r.body());
        });
        return last[0];
    }

    public Response exchange(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestIdentities.token("test-user", TestIdentities.ROLES.toArray(String[]::new)));
        ResponseEntity<String> r = http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
        try {
            JsonNode body = r.getBody() == null ? null : JSON.readTree(r.getBody());
            return new Response(r.getStatusCode().value(), body,
                    r.getHeaders().getContentType() == null ? null : r.getHeaders().getContentType().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON with single quotes for readability in tests. */
    public static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
