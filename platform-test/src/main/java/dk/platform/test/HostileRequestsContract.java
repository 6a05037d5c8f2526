package dk.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 items 8 and 9, the same for every service: tokens without {@code exp} or a sane
 * {@code sub} are 401 (never 500) and record nothing; anonymous health shows only its status; odd
 * paths and oversized requests are answered with problem+json, not Tomcat's HTML page or Spring's
 * default error JSON. Paths go over a raw socket, so no client normalises them first.
 */
public abstract class HostileRequestsContract {

    protected static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    protected int port;

    /** A POST endpoint and a body it accepts (a token that is refused must not get it stored). */
    protected abstract String writePath();

    protected abstract String validBody();

    /** What the app has recorded: a refused call leaves it unchanged. */
    protected abstract Object recorded();

    /** A path under /api/ that takes an id as its last segment, e.g. {@code /api/accounts/}. */
    protected abstract String idPathPrefix();

    // ------------------------------------------------------------------ tokens (item 8)

    @Test
    void aTokenWithoutExpIsRefusedWith401() {
        assertRefusedToken(TestIdentities.validClaims("no-exp").expirationTime(null).build(), "without exp");
    }

    @Test
    void aTokenWithoutSubIsRefusedWith401NotA500() {
        assertRefusedToken(TestIdentities.validClaims(null).build(), "without sub");
    }

    @Test
    void aTokenWithAnEmptyBlankOrMultiLineSubIsRefusedWith401() {
        assertRefusedToken(TestIdentities.validClaims("").build(), "with an empty sub");
        assertRefusedToken(TestIdentities.validClaims("   ").build(), "with a blank sub");
        assertRefusedToken(TestIdentities.validClaims("alice\nadmin").build(), "with a two-line sub");
        assertRefusedToken(TestIdentities.validClaims("alice\u0000").build(), "with a NUL in sub");
    }

    private void assertRefusedToken(JWTClaimsSet claims, String what) {
        Object before = recorded();
        Raw r = http("POST", writePath(), "Bearer " + TestIdentities.signed(claims), validBody());
        assertThat(r.status()).as("a token " + what + ": " + r.body()).isEqualTo(401);
        assertProblem(r, "a token " + what);
        assertThat(recorded()).as("a token " + what + " recorded nothing").isEqualTo(before);
    }

    // ------------------------------------------------------------------ health (item 9)

    @Test
    void anonymousHealthShowsOnlyTheStatusAndAnAdminSeesTheDetails() throws IOException {
        Raw anonymous = http("GET", "/actuator/health", null, null);
        JsonNode health = JSON.readTree(anonymous.body());
        assertThat(health.has("status")).as(anonymous.body()).isTrue();
        assertThat(health.size()).as("anonymous health shows only its status: " + anonymous.body()).isEqualTo(1);
        assertThat(anonymous.body()).doesNotContain("postgres", "PostgreSQL", "bootstrap", "clusterId", "free", "path");

        Raw admin = http("GET", "/actuator/health", "Bearer " + TestIdentities.token("an-admin", "admin"), null);
        assertThat(JSON.readTree(admin.body()).has("components")).as("an admin sees the details: " + admin.body()).isTrue();
    }

    // ------------------------------------------------------------------ odd paths and sizes (item 9)

    @Test
    void pathsWithAnEncodedNulSlashOrDotsAreAnsweredWithProblemJson() throws IOException {
        for (String path : new String[]{idPathPrefix() + "%00", idPathPrefix() + "a%00b", idPathPrefix() + "a%2Fb",
                idPathPrefix() + "%2e%2e", "/api/%2e%2e/x", "/api/..;/x", idPathPrefix() + "%2F..%2F", idPathPrefix() + "a%5Cb",
                idPathPrefix() + "%C0%AE%C0%AE", idPathPrefix() + "%ZZ"}) {
            Raw r = socket("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + TestIdentities.ALL_ROLES_KEY
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(r.status()).as(path + ": " + r.body()).isBetween(400, 499);
            assertProblem(r, path);
        }
    }

    @Test
    void aTenThousandCharacterIdInThePathIsEchoedAtMostAsAShortPrefix() {
        Raw r = http("GET", idPathPrefix() + "a".repeat(10_000), null, null, TestIdentities.ALL_ROLES_KEY);
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        assertProblem(r, "a 10 000-character id");
        assertThat(r.body()).doesNotContain("a".repeat(100));
    }

    @Test
    void aTwentyThousandCharacterPathAndATwentyKilobyteHeaderAreAnsweredWithProblemJson() throws IOException {
        Raw longPath = socket("GET " + idPathPrefix() + "p".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(longPath.status()).as(longPath.body()).isBetween(400, 499);
        assertProblem(longPath, "a 20 000-character path");
        assertThat(longPath.body()).doesNotContain("p".repeat(100));

        Raw bigHeader = socket("GET " + idPathPrefix() + "x HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "h".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(bigHeader.status()).as(bigHeader.body()).isBetween(400, 499);
        assertProblem(bigHeader, "a 20 kB header");
    }

    // ------------------------------------------------------------------ plumbing

    protected record Raw(int status, String contentType, String body) {
    }

    protected static void assertProblem(Raw r, String what) {
        assertThat(r.contentType()).as(what + ": content type of " + r.status() + " " + r.body()).isNotNull();
        assertThat(r.contentType()).as(what + ": " + r.body()).startsWith("application/problem+json");
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(what + ": not JSON: " + r.body());
        }
        assertThat(body.path("status").asInt()).as(what).isEqualTo(r.status());
        assertThat(body.path("detail").asText().length()).as(what + ": detail " + body.path("detail")).isBetween(1, 400);
    }

    protected Raw http(String method, String path, String authorization, String body) {
        return http(method, path, authorization, body, null);
    }

    protected Raw http(String method, String path, String authorization, String body, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Raw(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the request text as it is and reads the whole answer (the request says Connection: close). */
    protected Raw socket(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(head.split(" ")[1]);
            String contentType = null;
            boolean chunked = false;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                }
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            return new Raw(status, contentType, chunked ? unchunk(body) : body);
        }
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
