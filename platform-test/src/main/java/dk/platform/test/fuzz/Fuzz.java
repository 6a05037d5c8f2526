package dk.platform.test.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.test.TestIdentities;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Drives endpoints with {@link BadBodies} (issue 15) and checks each answer: never a 5xx; a 4xx is
 * {@code application/problem+json} with a {@code detail} of at most {@value #MAX_DETAIL} characters
 * that names no Jackson internals and never echoes a huge value; and what the app has recorded (the
 * caller's {@code recorded} supplier) is unchanged, unless the case is one that may stay valid and
 * was accepted. Seeded: {@code -Dfuzz.seed=N} repeats a run, {@code -Dfuzz.cases=N} sets the cases
 * per endpoint; every failure message names the seed.
 */
public final class Fuzz {

    public static final int MAX_DETAIL = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One endpoint: method, path, content type, and its valid body for case {@code n} (a fresh id per
     * case, so a body the mutation left valid would really be stored and be seen).
     */
    public record Target(String method, String path, IntFunction<String> validBody, Set<String> optional, Set<String> idFields) {
        public String name() {
            return method + " " + path;
        }
    }

    public record Response(int status, String contentType, String body) {
    }

    public record Result(long seed, int cases, int accepted, Map<BadBodies.Kind, Integer> kinds, List<String> failures,
                         Duration took) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token = TestIdentities.token("fuzz", TestIdentities.ROLES.toArray(String[]::new));

    public Fuzz(int port) {
        this.base = "http://localhost:" + port;
    }

    /**
     * The seed of a run: fixed by default, so that the build is repeatable and a red build is the
     * change's doing; explore with another ({@code -Dfuzz.seed=$RANDOM}), and keep any seed that
     * finds a bug as a test of its own.
     */
    public static long seed() {
        return Long.getLong("fuzz.seed", DEFAULT_SEED);
    }

    static final long DEFAULT_SEED = 20261207L;

    public static int casesPer(int otherwise) {
        return Integer.getInteger("fuzz.cases", otherwise);
    }

    public Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    /**
     * Runs {@code casesPerTarget} cases on each target with one seed and answers what happened; the
     * caller asserts that {@link Result#failures()} is empty. {@code settle} waits until what was
     * recorded after an accepted case stops changing (views are eventually consistent).
     */
    public Result run(List<Target> targets, int casesPerTarget, long seed, Supplier<Object> recorded, Supplier<Object> settle) {
        long start = System.nanoTime();
        Random random = new Random(seed);
        Map<BadBodies.Kind, Integer> kinds = new EnumMap<>(BadBodies.Kind.class);
        Set<String> failures = new LinkedHashSet<>();
        int cases = 0;
        int accepted = 0;
        Object before = recorded.get();
        for (int n = 0; n < casesPerTarget; n++) {
            for (Target target : targets) {
                BadBodies bodies = new BadBodies(target.validBody().apply(n), target.optional(), target.idFields(), random);
                BadBodies.Case c = bodies.next();
                kinds.merge(c.kind(), 1, Integer::sum);
                cases++;
                Response r = send(target.method(), target.path(), "application/json", c.body());
                String problem = check(r, c);
                if (problem == null && r.status() < 300) {
                    accepted++;
                    if (!c.mayStayValid()) {
                        problem = "accepted (" + r.status() + ") although the mutation makes the body invalid: " + r.body();
                    }
                    before = settle.get();
                } else if (problem == null) {
                    Object after = recorded.get();
                    if (!Objects.equals(before, after)) {
                        problem = "refused with " + r.status() + " but what is recorded changed: " + before + " -> " + after;
                        before = after;
                    }
                }
                if (problem != null && failures.size() < 40) {
                    failures.add("[seed " + seed + ", -Dfuzz.seed=" + seed + "] " + target.name() + " case " + n + " " + c.describe()
                            + "\n    -> " + problem);
                }
            }
        }
        return new Result(seed, cases, accepted, kinds, new ArrayList<>(failures), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * An endpoint that takes a file (CSV): its method, its path and valid text for case {@code n}
     * (a fresh id per case, in the path or in the text), the content type, and how {@link BadTexts}
     * reads the text.
     */
    public record TextTarget(String method, IntFunction<String> path, String contentType, IntFunction<String> validText,
                             String separator, Set<String> idCells, int firstDataLine, String name) {
    }

    /** {@link #run} for endpoints that take a file: {@link BadTexts} mutations, the same checks after each case. */
    public Result runText(List<TextTarget> targets, int casesPerTarget, long seed, Supplier<Object> recorded, Supplier<Object> settle) {
        long start = System.nanoTime();
        Random random = new Random(seed);
        Set<String> failures = new LinkedHashSet<>();
        int cases = 0;
        int accepted = 0;
        Object before = recorded.get();
        for (int n = 0; n < casesPerTarget; n++) {
            for (TextTarget target : targets) {
                BadTexts.Case c = new BadTexts(target.validText().apply(n), target.separator(), target.idCells(), target.firstDataLine(),
                        random).next();
                cases++;
                Response r = send(target.method(), target.path().apply(n), target.contentType(), c.body());
                String problem = check(r, c.asBodyCase());
                if (problem == null && r.status() < 300) {
                    accepted++;
                    if (!c.mayStayValid()) {
                        problem = "accepted (" + r.status() + ") although the mutation makes the file invalid: " + cut(r.body());
                    }
                    before = settle.get();
                } else if (problem == null) {
                    Object after = recorded.get();
                    if (!Objects.equals(before, after)) {
                        problem = "refused with " + r.status() + " but what is recorded changed: " + before + " -> " + after;
                        before = after;
                    }
                }
                if (problem != null && failures.size() < 40) {
                    failures.add("[seed " + seed + ", -Dfuzz.seed=" + seed + "] " + target.name() + " case " + n + " " + c.describe()
                            + "\n    -> " + problem);
                }
            }
        }
        return new Result(seed, cases, accepted, Map.of(), new ArrayList<>(failures), Duration.ofNanos(System.nanoTime() - start));
    }

    /** What is wrong with an answer to a bad body, or null. */
    public static String check(Response r, BadBodies.Case c) {
        if (r.status() >= 500) {
            return "answered " + r.status() + ": " + cut(r.body());
        }
        if (r.status() < 400) {
            return null;
        }
        if (r.contentType() == null || !r.contentType().startsWith("application/problem+json")) {
            return "a " + r.status() + " of content type " + r.contentType() + ", not application/problem+json: " + cut(r.body());
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (Exception e) {
            return "a problem that is not JSON: " + cut(r.body());
        }
        JsonNode detail = body.get("detail");
        if (detail == null || !detail.isTextual() || detail.asText().isBlank()) {
            return "a problem without detail: " + cut(r.body());
        }
        if (detail.asText().length() > MAX_DETAIL) {
            return "a detail of " + detail.asText().length() + " characters: " + cut(detail.asText());
        }
        if (r.body().length() > 4000) {
            return "a problem of " + r.body().length() + " characters: " + cut(r.body());
        }
        String text = r.body();
        for (String internal : List.of("com.fasterxml", "jackson", "java.lang", "java.time", "dk.platform", "Exception")) {
            if (text.contains(internal)) {
                return "the problem names internals (" + internal + "): " + cut(text);
            }
        }
        return null;
    }

    static String cut(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() > 500 ? text.substring(0, 500) + "… (" + text.length() + " chars)" : text;
    }

    /** A one-line summary of a result for the test log. */
    public static String summary(String service, Result result) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        result.kinds().forEach((k, v) -> kinds.put(k.name(), v));
        return String.format("fuzz %s: seed %d, %d cases (%d accepted as still valid) in %d ms, by kind %s", service, result.seed(),
                result.cases(), result.accepted(), result.took().toMillis(), kinds);
    }

    /**
     * Waits until what {@code recorded} reads stays the same over one {@code pause} (views and
     * sagas follow the writes), at most 20 s, and answers the last reading.
     */
    public static <T> T awaitQuiet(Supplier<T> recorded, Runnable pause) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = recorded.get();
        while (System.nanoTime() < deadline) {
            pause.run();
            T now = recorded.get();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** A pause of 300 ms for {@link #awaitQuiet}. */
    public static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
