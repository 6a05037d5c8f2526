package dk.platform.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack for one benchmark run: the launcher that {@code deploy/run-local.sh} runs
 * ({@code dk.platform.local.LocalStack}, same JVM options), started from the repository's built jars
 * on free ports and with its own data directory, so it never touches {@code ./data} or a stack
 * already running on the default ports. Stopped with SIGTERM, as Ctrl-C stops it.
 */
final class StackProcess implements AutoCloseable {

    final Map<String, Integer> ports = new LinkedHashMap<>();
    final Path dataDir;
    private final Process process;
    private final Path out;

    private StackProcess(Process process, Path out, Path dataDir, Map<String, Integer> ports) {
        this.process = process;
        this.out = out;
        this.dataDir = dataDir;
        this.ports.putAll(ports);
    }

    /**
     * @param repo    repository root (jars under its target folders)
     * @param dataDir wiped first: every run starts on an empty stack
     * @param jfrDir  when not null, every JVM of the stack records a JFR file there (JAVA_TOOL_OPTIONS)
     */
    static StackProcess start(Path repo, Path dataDir, Path jfrDir, Duration timeout) throws IOException, InterruptedException {
        Path launcherJar = repo.resolve("deploy/local/target/local-stack.jar");
        for (Path jar : List.of(launcherJar, repo.resolve("ledger-service/ledger-app/target/ledger-app.jar"),
                repo.resolve("settlement-service/target/settlement-service.jar"),
                repo.resolve("payroll-posting-service/target/payroll-posting-service.jar"))) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("missing " + jar + ": build first (deploy/bench.sh does: mvn -DskipTests package -pl bench -am)");
            }
        }
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String var : List.of("PG_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "LEDGER_PORT",
                "SETTLEMENT_PORT", "PAYROLL_PORT")) {
            ports.put(var, freePort(ports.values()));
        }
        Path out = dataDir.resolve("launcher-console.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-cp",
                repo.resolve("deploy/local/target/lib") + "/*:" + launcherJar, "dk.platform.local.LocalStack"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        ports.forEach((k, v) -> env.put(k, Integer.toString(v)));
        env.put("DATA_DIR", dataDir.toString());
        env.put("REPO_ROOT", repo.toString());
        env.put("LOG_FORMAT", "");
        for (String external : List.of("SPRING_DATASOURCE_URL", "SPRING_DATA_MONGODB_URI", "SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
            env.remove(external); // this run starts its own servers
        }
        if (jfrDir != null) {
            Files.createDirectories(jfrDir);
            env.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + jfrDir + "/,dumponexit=true,settings=profile");
        }
        Process process = builder.start();
        StackProcess stack = new StackProcess(process, out, dataDir, ports);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String console = Files.readString(out, StandardCharsets.UTF_8);
            if (console.contains("Ctrl-C to stop")) {
                return stack;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stack.close();
                throw new IllegalStateException("the local stack did not start (exit " + (process.isAlive() ? "none" : process.exitValue())
                        + "); its console:\n" + console + "\nlogs in " + dataDir.resolve("logs"));
            }
            Thread.sleep(500);
        }
    }

    int port(String var) {
        return ports.get(var);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public synchronized void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(40, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String console() {
        try {
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A free port below the kernel's ephemeral range (32768 and up on Linux), so that no outgoing
     * connection takes it between this check and the server's bind.
     */
    private static int freePort(java.util.Collection<Integer> taken) throws IOException {
        java.util.concurrent.ThreadLocalRandom rnd = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = 20000 + rnd.nextInt(12000);
            if (taken.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(port));
                return port;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IOException("no free port in 20000-31999");
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
