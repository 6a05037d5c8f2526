package dk.platform.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One of the three Spring Boot services, run from its jar as a child JVM. */
final class AppNode {

    /**
     * The services' JVM options: those of production (deploy/jvm.options, the same as docker-compose and k8s),
     * the full JIT and G1, so the local stack and the benchmark measure what would be shipped. APP_JAVA_OPTS
     * replaces them (e.g. {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} for a faster start on a laptop).
     */
    static final List<String> JVM_OPTIONS = jvmOptions(System.getenv("APP_JAVA_OPTS"));

    static List<String> jvmOptions(String override) {
        List<String> options = new java.util.ArrayList<>(override == null || override.isBlank()
                ? List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50")
                : List.of(override.trim().split("\\s+")));
        options.add("-Daxoniq.update-checker.disabled=true");
        return List.copyOf(options);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private ChildProcess process;

    AppNode(String name, Path jar, int port, Map<String, String> env) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = Map.copyOf(env);
    }

    void start(Path workDir, Path logFile) {
        List<String> command = new java.util.ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        process = ChildProcess.start(name, command, env, workDir, logFile);
    }

    /** True when /actuator/health answers 200 with status UP. */
    boolean isUp() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String name() {
        return name;
    }

    Path jar() {
        return jar;
    }

    int port() {
        return port;
    }

    Map<String, String> env() {
        return env;
    }

    String url() {
        return "http://localhost:" + port;
    }

    ChildProcess process() {
        return process;
    }
}
