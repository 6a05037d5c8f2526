package dk.platform.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where everything runs, read from environment variables with the documented defaults.
 * Paths are made absolute against the current directory (run-local.sh starts in the repo root).
 */
record StackConfig(Map<String, Port> ports, Path dataDir, Path repoRoot, Map<String, String> env) {

    /** One port the stack listens on: what it is for and which variable moves it. */
    record Port(String name, String envVar, int number) {
    }

    static final String POSTGRES = "postgres";
    static final String KAFKA = "kafka";
    static final String KAFKA_CONTROLLER = "kafka-controller";
    static final String MONGO = "mongodb";
    static final String LEDGER = "ledger";
    static final String SETTLEMENT = "settlement";
    static final String PAYROLL = "payroll";

    /** Thrown for a variable that does not hold a port number; the launcher prints it and exits 2. */
    static final class BadConfig extends RuntimeException {
        BadConfig(String message) {
            super(message);
        }
    }

    static StackConfig fromEnv(Map<String, String> env) {
        Map<String, Port> ports = new LinkedHashMap<>();
        put(ports, env, POSTGRES, "PG_PORT", 5433);
        put(ports, env, KAFKA, "KAFKA_PORT", 9092);
        put(ports, env, KAFKA_CONTROLLER, "KAFKA_CONTROLLER_PORT", 9093);
        put(ports, env, MONGO, "MONGO_PORT", 27017);
        put(ports, env, LEDGER, "LEDGER_PORT", 8081);
        put(ports, env, SETTLEMENT, "SETTLEMENT_PORT", 8082);
        put(ports, env, PAYROLL, "PAYROLL_PORT", 8083);
        Path cwd = Path.of("").toAbsolutePath();
        Path repoRoot = cwd.resolve(env.getOrDefault("REPO_ROOT", ".")).normalize();
        Path dataDir = cwd.resolve(env.getOrDefault("DATA_DIR", "data")).normalize();
        return new StackConfig(Map.copyOf(ports), dataDir, repoRoot, Map.copyOf(env));
    }

    private static void put(Map<String, Port> ports, Map<String, String> env, String name, String var, int dflt) {
        String raw = env.get(var);
        int number = dflt;
        if (raw != null && !raw.isBlank()) {
            try {
                number = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 1 || number > 65535) {
                throw new BadConfig(var + " must be a port number (1-65535), got '" + raw + "'");
            }
        }
        ports.put(name, new Port(name, var, number));
    }

    int port(String name) {
        return ports.get(name).number();
    }

    Port portOf(String name) {
        return ports.get(name);
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Set by the user to use an existing server instead of the embedded one. */
    String external(String var) {
        String value = env.get(var);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
