package dk.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * The real ledger-app, as a child process of the test JVM: its packaged jar (built before this
 * module in the reactor), on a fresh database of the test JVM's embedded PostgreSQL, its own
 * database on the Mongo-wire server and the test's Kafka broker. An app never depends on another
 * app, so the ledger is a process here, never a library. Test code may call its REST API; the
 * settlement service may not.
 */
public final class LedgerProcess implements AutoCloseable {

    /** The reactor's ledger jar; {@code -Dledger.jar=...} runs another build of it. */
    static final Path PACKAGED = Path.of(System.getProperty("ledger.jar",
            Path.of("..", "ledger-service", "ledger-app", "target", "ledger-app.jar").toString()));
    static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, JsonNode body) {
    }

    private final Process process;
    private final Path log;
    private final Path jar;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private LedgerProcess(Process process, Path log, Path jar, int port) {
        this.process = process;
        this.log = log;
        this.jar = jar;
        this.base = "http://localhost:" + port;
    }

    public static LedgerProcess start(String kafkaBrokers) throws IOException, InterruptedException {
        Path jar = privateCopy();
        int port = freePort();
        Path log = Path.of("target", "e2e-ledger-app.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SPRING_DATASOURCE_URL", TestInfrastructure.newPostgresDatabase());
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        env.put("SPRING_DATA_MONGODB_URI", TestInfrastructure.mongoUri() + "/ledger" + UUID.randomUUID().toString().substring(0, 8));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBrokers);
        env.put("LOG_FORMAT", "");
        env.putAll(TestIdentities.environment());
        LedgerProcess ledger = new LedgerProcess(builder.start(), log, jar, port);
        Runtime.getRuntime().addShutdownHook(new Thread(ledger.process::destroyForcibly));
        ledger.awaitHealthy(Duration.ofSeconds(120));
        return ledger;
    }

    public Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-Api-Key", TestIdentities.ALL_ROLES_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public JsonNode get(String path) {
        Response response = send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Api-Key", TestIdentities.ALL_ROLES_KEY).GET());
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    /** Posts and insists on 2xx: the test's own set-up of the ledger. */
    public JsonNode setUp(String path, String body) {
        Response response = post(path, body);
        if (response.status() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body().isBlank() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("ledger-app did not answer; " + tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("ledger-app exited with " + process.exitValue() + " before it was healthy; " + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new AssertionError("ledger-app was not healthy within " + timeout.toSeconds() + " s; " + tail());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(jar);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a copy in target/
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "last lines of " + log.toAbsolutePath() + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * A private copy of the packaged ledger: another build may re-package ledger-app.jar while
     * this test runs, and a JVM whose jar is replaced under it fails.
     */
    private static Path privateCopy() throws IOException, InterruptedException {
        if (!Files.exists(PACKAGED)) {
            throw new AssertionError(PACKAGED.toAbsolutePath().normalize() + " is missing: this test runs the real ledger."
                    + " Build it first: mvn -B install -DskipTests -pl ledger-service/ledger-app -am (the full reactor does it"
                    + " before this module)");
        }
        Files.createDirectories(Path.of("target"));
        for (int attempt = 1; ; attempt++) {
            Path copy = Files.createTempFile(Path.of("target"), "e2e-ledger-app", ".jar");
            Files.copy(PACKAGED, copy, StandardCopyOption.REPLACE_EXISTING);
            try (JarFile valid = new JarFile(copy.toFile())) {
                if (valid.getManifest().getMainAttributes().getValue("Start-Class") != null) {
                    return copy;
                }
            } catch (IOException beingRewritten) {
                // try again
            }
            Files.deleteIfExists(copy);
            if (attempt == 5) {
                throw new AssertionError(PACKAGED + " is not a runnable jar (being rebuilt?)");
            }
            Thread.sleep(3000);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
