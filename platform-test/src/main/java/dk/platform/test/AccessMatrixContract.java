package dk.platform.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what (issue 10), for every endpoint under {@code /api/} of the app: the endpoints
 * come from the app's own request mappings, so a new endpoint without a row in the test's table
 * fails. Each is called without credentials (401), with a token of each role it does not name (403)
 * and of each it names (neither: a 400 or 404 for the empty body is fine); a refused call must
 * leave {@link #recorded()} as it was. Bad tokens and API keys are refused with 401.
 */
public abstract class AccessMatrixContract {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}|]*)[^}]*)?}");

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** "METHOD /pattern" (as mapped, e.g. {@code GET /api/charts/{code}}) to the role ids that may call it. */
    protected abstract Map<String, Set<String>> expectedRoles();

    /** What the app has recorded (counts, revisions): a refused call must leave it unchanged. */
    protected abstract Object recorded();

    /** One endpoint: its method, pattern and the body type it takes (null if none). */
    public record Endpoint(HttpMethod method, String pattern, MediaType consumes) {
        String key() {
            return method.name() + " " + pattern;
        }
    }

    @Test
    void everyEndpointHasARowInTheTableAndEveryRowAnEndpoint() {
        Set<String> mapped = new TreeSet<>(endpoints().stream().map(Endpoint::key).toList());
        assertThat(mapped).as("endpoints under /api/ (each needs a row in the expected roles)")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(expectedRoles().keySet()));
    }

    @Test
    void everyEndpointRefusesCallersWithoutCredentialsOrWithoutItsRolesAndLetsItsRolesIn() {
        for (Endpoint endpoint : endpoints()) {
            Set<String> allowed = expectedRoles().get(endpoint.key());
            assertThat(allowed).as("roles of " + endpoint.key()).isNotNull();
            Object before = recorded();
            assertProblem(call(endpoint, null), 401, endpoint + " without credentials");
            for (String role : TestIdentities.ROLES) {
                if (!allowed.contains(role)) {
                    assertProblem(call(endpoint, TestIdentities.token("matrix-" + role, role)), 403, endpoint + " as " + role);
                }
            }
            assertThat(recorded()).as("refused calls of " + endpoint + " recorded nothing").isEqualTo(before);
            for (String role : allowed) {
                int status = call(endpoint, TestIdentities.token("matrix-" + role, role)).getStatusCode().value();
                assertThat(status).as(endpoint + " as " + role).isNotIn(401, 403);
            }
        }
    }

    @Test
    void expiredWronglySignedAndOtherAudienceTokensAreRefused() {
        Endpoint read = endpoints().stream().filter(e -> e.method() == HttpMethod.GET).findFirst().orElseThrow();
        String[] all = TestIdentities.ROLES.toArray(String[]::new);
        Object before = recorded();
        assertProblem(call(read, TestIdentities.token("late", TestIdentities.AUDIENCE, Instant.now().minusSeconds(600), false, all)),
                401, "an expired token");
        assertProblem(call(read, TestIdentities.token("forger", TestIdentities.AUDIENCE, Instant.now().plusSeconds(600), true, all)),
                401, "a token signed by another key");
        assertProblem(call(read, TestIdentities.token("stranger", "another-platform", Instant.now().plusSeconds(600), false, all)),
                401, "a token for another audience");
        assertProblem(call(read, "not-a-jwt"), 401, "a malformed token");
        for (Endpoint write : endpoints().stream().filter(e -> e.method() != HttpMethod.GET).toList()) {
            assertProblem(call(write, TestIdentities.token("late", TestIdentities.AUDIENCE, Instant.now().minusSeconds(600), false, all)),
                    401, write + " with an expired token");
        }
        assertThat(recorded()).as("refused calls recorded nothing").isEqualTo(before);
    }

    @Test
    void theAllRolesApiKeyIsLetInAndAWrongKeyIsRefused() {
        Object before = recorded();
        for (Endpoint endpoint : endpoints()) {
            assertProblem(send(endpoint, headers -> headers.set("X-Api-Key", TestIdentities.ALL_ROLES_KEY + "x")), 401,
                    endpoint + " with a wrong API key");
        }
        assertThat(recorded()).as("refused calls recorded nothing").isEqualTo(before);
        for (Endpoint endpoint : endpoints()) {
            int status = send(endpoint, headers -> headers.set("X-Api-Key", TestIdentities.ALL_ROLES_KEY)).getStatusCode().value();
            assertThat(status).as(endpoint + " with the all-roles API key").isNotIn(401, 403);
        }
    }

    /** Every endpoint under /api/, one per method, pattern and body type. */
    protected List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                assertThat(methods).as("an endpoint for any method (name them, so the table can): " + info).isNotEmpty();
                for (RequestMethod method : methods) {
                    if (consumes.isEmpty()) {
                        endpoints.add(new Endpoint(method.asHttpMethod(), pattern, null));
                    }
                    consumes.forEach(type -> endpoints.add(new Endpoint(method.asHttpMethod(), pattern, type)));
                }
            }
        }
        return endpoints;
    }

    /** The endpoint with a bearer token, or with no credentials at all ({@code token} null). */
    protected ResponseEntity<String> call(Endpoint endpoint, String token) {
        return send(endpoint, headers -> {
            if (token == null) {
                headers.set("X-Api-Key", TestCredentialsAutoConfiguration.NO_CREDENTIALS);
            } else {
                headers.setBearerAuth(token);
            }
        });
    }

    private ResponseEntity<String> send(Endpoint endpoint, java.util.function.Consumer<HttpHeaders> credentials) {
        HttpHeaders headers = new HttpHeaders();
        credentials.accept(headers);
        String body = null;
        if (endpoint.method() != HttpMethod.GET && endpoint.method() != HttpMethod.DELETE) {
            MediaType type = endpoint.consumes() == null || endpoint.consumes().isWildcardType() ? MediaType.APPLICATION_JSON
                    : endpoint.consumes();
            headers.setContentType(type);
            body = type.isCompatibleWith(MediaType.APPLICATION_JSON) ? "{}" : "";
        }
        return http.exchange(path(endpoint.pattern()), endpoint.method(), new HttpEntity<>(body, headers), String.class);
    }

    /** A concrete path: {@code {name}} becomes {@code matrix-name}, {@code {name:a\.b|c}} its first choice {@code a.b}. */
    static String path(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2).replace("\\", "") : "matrix-" + m.group(1);
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String what) {
        assertThat(response.getStatusCode().value()).as(what + ": " + response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(what).isNotNull();
        assertThat(response.getHeaders().getContentType().toString()).as(what).startsWith("application/problem+json");
    }
}
