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

    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true");

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
