package dk.platform.ledger.crash;

import dk.platform.test.TestIdentities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild interrupted by SIGKILL carries on from its token after the restart, not from zero,
 * and ends with the live view's checksum. The packaged app runs as a child process on databases
 * this JVM owns (as in {@link CrashRecoveryIT}); the konto view is rebuilt, throttled, and the app
 * is killed once a third of it is done.
 */
class RebuildResumeIT {

    /** The slowest view to rebuild, so the kill falls in its middle on any machine. */
    private static final List<String> VIEWS = List.of("konto");
    private static final int ENTRIES = 450;
    private static final int ITEMS = 100;
    private static final int MAX_EVENTS_PER_SECOND = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGET = Path.of(System.getProperty("basedir", ".")).resolve("target");

    private static EmbeddedKafkaKraftBroker kafka;
    private static String jdbcUrl;
    private static String mongoUri;
    private static int port;
    private static Path jar;
    private static Process app;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, JsonNode body) {
    }

    @BeforeAll
    static void infrastructure() throws IOException {
        kafka = new EmbeddedKafkaKraftBroker(1, 3).kafkaPorts(0);
        String shared = System.getProperty(EmbeddedKafkaKraftBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        kafka.afterPropertiesSet();
        if (shared == null) {
            System.clearProperty(EmbeddedKafkaKraftBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        } else {
            System.setProperty(EmbeddedKafkaKraftBroker.SPRING_EMBEDDED_KAFKA_BROKERS, shared);
        }
        jdbcUrl = TestInfrastructure.newPostgresDatabase();
        mongoUri = TestInfrastructure.mongoUri() + "/rebuild" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path packaged = TARGET.resolve("ledger-app.jar");
        assertThat(packaged).as("the packaged app (mvn package)").exists();
        jar = Files.createTempFile(TARGET, "rebuild-ledger-app", ".jar");
        Files.copy(packaged, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        if (kafka != null) {
            kafka.destroy();
        }
        if (jar != null) {
            Files.deleteIfExists(jar);
        }
    }

    @Test
    void aRebuildKilledInTheMiddleCarriesOnFromItsTokenAfterTheRestartAndEndsEqualToTheLiveView() throws Exception {
        app = start(TARGET.resolve("rebuild-resume-1.log"));
        populate();
        await().atMost(Duration.ofSeconds(120)).until(() -> VIEWS.stream().allMatch(v -> status(v).path("lag").asLong(-1) == 0));
        Map<String, String> live = checksums();
        long head = status("konto").get("headPosition").asLong();

        for (String view : VIEWS) {
            Response r = post("/api/admin/projections/" + view + "/rebuild?maxEventsPerSecond=" + MAX_EVENTS_PER_SECOND, "");
            assertThat(r.status()).as(r.toString()).isEqualTo(202);
        }
        long rebuildStarted = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> VIEWS.stream().allMatch(v -> status(v).path("rebuild").path("done").asLong(0) >= head / 3));
        Map<String, Long> doneAtKill = new HashMap<>();
        VIEWS.forEach(v -> doneAtKill.put(v, status(v).get("rebuild").get("done").asLong()));
        double rateBeforeKill = doneAtKill.get("konto") / ((System.nanoTime() - rebuildStarted) / 1e9);
        app.destroyForcibly(); // SIGKILL
        assertThat(app.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        long restarted = System.nanoTime();
        app = start(TARGET.resolve("rebuild-resume-2.log"));
        Map<String, JsonNode> resumed = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (String v : VIEWS) {
                JsonNode rebuild = status(v).path("rebuild");
                if (rebuild.hasNonNull("resumedFrom")) {
                    resumed.putIfAbsent(v, rebuild);
                }
            }
            return resumed.keySet().containsAll(VIEWS);
        });
        for (String v : VIEWS) {
            JsonNode r = resumed.get(v);
            assertThat(r.get("state").asText()).isEqualTo("REBUILDING");
            assertThat(r.get("generation").asInt()).isEqualTo(1);
            assertThat(r.get("resumedFrom").asLong()).as("%s: the first event handled after the restart (killed at %d of %d)", v,
                    doneAtKill.get(v), head).isGreaterThan(doneAtKill.get(v) - 100).isGreaterThan(head / 4);
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> VIEWS.stream().allMatch(v -> "SWITCHED".equals(status(v).path("rebuild").path("state").asText())));
        double secondsAfterRestart = (System.nanoTime() - restarted) / 1e9;
        assertThat(checksums()).as("the view rebuilt across the kill has the live view's checksum").isEqualTo(live);
        for (String v : VIEWS) {
            JsonNode verification = get("/api/admin/projections/" + v + "/verification").body();
            assertThat(verification.get("holds").asBoolean()).as(verification.toPrettyString()).isTrue();
            assertThat(status(v).get("generation").asInt()).isEqualTo(1);
        }
        assertThat(Files.readString(TARGET.resolve("rebuild-resume-2.log"))).contains("Resuming the rebuild of view konto into generation 1");

        System.out.printf("%n==== RebuildResumeIT: %d events; the konto rebuild (at most %d events/s) killed at %d (%.0f events/s);"
                        + " after the restart it resumed at %d and switched %.1f s after the restart%n====%n",
                head, MAX_EVENTS_PER_SECOND, doneAtKill.get("konto"), rateBeforeKill, resumed.get("konto").get("resumedFrom").asLong(),
                secondsAfterRestart);
    }

    /** Accounts, then journal entries over twelve months, open items and payments that close them, from four clients. */
    private static void populate() throws Exception {
        for (String[] a : List.of(new String[]{"1010", "Omsætning", "REVENUE"}, new String[]{"1100", "Debitorer", "ASSET"},
                new String[]{"5820", "Bank", "ASSET"}, new String[]{"6100", "Husleje", "EXPENSE"})) {
            assertThat(post("/api/accounts", "{'number':'" + a[0] + "','name':'" + a[1] + "','type':'" + a[2] + "'}").status()).isEqualTo(201);
        }
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            bodies.add("/api/journal-entries {'entryId':'E-" + i + "','postingDate':'2026-" + String.format("%02d", 1 + i % 12) + "-15',"
                    + "'text':'rent','lines':[{'account':'6100','debit':'" + (10 + i % 90) + ".00'},{'account':'5820','credit':'" + (10 + i % 90) + ".00'}]}");
        }
        for (int i = 0; i < ITEMS; i++) {
            bodies.add("/api/open-items {'openItemId':'INV-" + i + "','kind':'RECEIVABLE','party':'P-" + (i % 7) + "','documentNo':'D-" + i + "',"
                    + "'postingDate':'2026-03-01','dueDate':'2026-03-31','text':'faktura','amount':'100.00','controlAccount':'1100',"
                    + "'offsetAccount':'1010'}");
        }
        sendAll(bodies);
        List<String> payments = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String amount = i % 3 == 0 ? "60.00" : "100.00";
            payments.add("/api/payments {'paymentId':'PAY-" + i + "','party':'P-" + (i % 7) + "','postingDate':'2026-04-01','text':'x',"
                    + "'cashAccount':'5820','amount':'" + amount + "','applications':[{'openItemId':'INV-" + i + "','amount':'" + amount + "'}]}");
        }
        sendAll(payments);
    }

    private static void sendAll(List<String> requests) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                work.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        String[] pathAndBody = requests.get(i).split(" ", 2);
                        Response r = post(pathAndBody[0], pathAndBody[1]);
                        assertThat(r.status()).as("%s: %s", requests.get(i), r).isEqualTo(201);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static Map<String, String> checksums() {
        Map<String, String> sums = new HashMap<>();
        for (String v : VIEWS) {
            sums.put(v, get("/api/admin/projections/" + v + "/checksum").body().get("checksum").asText());
        }
        return sums;
    }

    private static JsonNode status(String view) {
        for (JsonNode p : get("/api/admin/projections").body()) {
            if (p.get("name").asText().equals(view)) {
                return p;
            }
        }
        throw new AssertionError("no processor " + view);
    }

    private static Process start(Path log) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-Daxoniq.update-checker.disabled=true", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        env.put("SPRING_DATA_MONGODB_URI", mongoUri);
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.getBrokersAsString());
        env.put("LOG_FORMAT", "");
        env.putAll(TestIdentities.environment());
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("ledger-app exited before it was healthy; see %s", log).isTrue();
            try {
                Response health = get("/actuator/health");
                if (health.status() == 200 && "UP".equals(health.body().path("status").asText())) {
                    return process;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("ledger-app was not healthy within 90 s; see " + log);
    }

    private static Response post(String path, String singleQuotedJson) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").header("X-Api-Key", TestIdentities.ALL_ROLES_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(singleQuotedJson.replace('\'', '"'))));
    }

    private static Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", TestIdentities.ALL_ROLES_KEY).GET());
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
