package dk.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/** Plain JSON over HTTP/1.1 with java.net.http; one client (and its connection pool) per base URL. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final String base;
    private final String apiKey;
    private final HttpClient client;

    /** @param apiKey sent as {@code X-Api-Key} with every request (BENCH_API_KEY, or the local stack's all-roles key) */
    Http(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "http-" + base);
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    String base() {
        return base;
    }

    Response post(String path, String json) {
        return post(path, json, Duration.ofSeconds(60));
    }

    Response post(String path, String json, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json").timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response postBytes(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType).timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Response send(HttpRequest.Builder request) {
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (request.build().timeout().isEmpty()) {
            request.timeout(Duration.ofSeconds(60));
        }
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.build().method() + " " + request.build().uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Fails with the answer when it is not 2xx. */
    static Response ok(Response r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + " answered " + r.status() + ": " + abbreviate(r.body()));
        }
        return r;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
