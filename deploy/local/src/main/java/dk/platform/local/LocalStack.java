package dk.platform.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-command local stack: PostgreSQL, a Kafka broker, a Mongo-wire server and the three
 * services, with all data under {@code ./data}. Started by {@code deploy/run-local.sh}.
 *
 * <p>Exit codes: 0 stopped on request, 1 failed to start, 2 a port is taken or misconfigured.
 */
public final class LocalStack {

    static final int EXIT_FAILED = 1;
    static final int EXIT_PORT = 2;
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    static final Duration APP_GRACE = Duration.ofSeconds(10);
    static final Duration KAFKA_GRACE = Duration.ofSeconds(10);
    /** Everything is stopped within this, whatever the children do. */
    static final Duration STOP_BUDGET = Duration.ofSeconds(19);

    static final String LEDGER_JAR = "ledger-service/ledger-app/target/ledger-app.jar";
    static final String SETTLEMENT_JAR = "settlement-service/target/settlement-service.jar";
    static final String PAYROLL_JAR = "payroll-posting-service/target/payroll-posting-service.jar";

    private static final PrintStream OUT = System.out;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StackConfig config;
    private final boolean infraOnly;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Held while starting nodes and while stopping, so a stop never misses a node being started. */
    private final Object lifecycle = new Object();

    private PostgresNode postgres;
    private MongoNode mongo;
    private KafkaNode kafka;
    private final List<AppNode> apps = new ArrayList<>();
    private LocalIssuer issuer;
    private Path credentials;

    private String jdbcUrl;
    private String mongoUri;
    private String kafkaBootstrap;

    LocalStack(StackConfig config, boolean infraOnly) {
        this.config = config;
        this.infraOnly = infraOnly;
    }

    public static void main(String[] args) {
        int exit = run(args, System.getenv());
        System.exit(exit);
    }

    /** Starts the stack and blocks until it is stopped; returns the exit code. */
    static int run(String[] args, Map<String, String> env) {
        boolean infraOnly = false;
        for (String arg : args) {
            switch (arg) {
                case "--infra-only" -> infraOnly = true;
                case "-h", "--help" -> {
                    OUT.println("usage: deploy/run-local.sh [--rebuild] [--infra-only]   (env: PG_PORT KAFKA_PORT "
                            + "KAFKA_CONTROLLER_PORT MONGO_PORT LEDGER_PORT SETTLEMENT_PORT PAYROLL_PORT DATA_DIR "
                            + "REPO_ROOT; see deploy/README.md)");
                    return 0;
                }
                default -> {
                    System.err.println("unknown argument " + arg + " (try --help)");
                    return EXIT_PORT;
                }
            }
        }
        StackConfig config;
        try {
            config = StackConfig.fromEnv(env);
        } catch (StackConfig.BadConfig e) {
            System.err.println(e.getMessage());
            return EXIT_PORT;
        }
        LocalStack stack = new LocalStack(config, infraOnly);
        Optional<String> portProblem = PortCheck.firstProblem(stack.portsToCheck());
        if (portProblem.isPresent()) {
            System.err.println(portProblem.get());
            return EXIT_PORT;
        }
        if (!infraOnly) {
            for (String jar : List.of(LEDGER_JAR, SETTLEMENT_JAR, PAYROLL_JAR)) {
                if (!Files.isRegularFile(config.repoRoot().resolve(jar))) {
                    System.err.println("missing " + config.repoRoot().resolve(jar)
                            + "; build with: mvn -B -DskipTests install (or run deploy/run-local.sh --rebuild)");
                    return EXIT_FAILED;
                }
            }
        }
        return stack.runUntilStopped();
    }

    /** The ports of what this run starts itself; external servers are not checked. */
    List<StackConfig.Port> portsToCheck() {
        List<StackConfig.Port> ports = new ArrayList<>();
        if (config.external("SPRING_DATASOURCE_URL") == null) {
            ports.add(config.portOf(StackConfig.POSTGRES));
        }
        if (config.external("SPRING_KAFKA_BOOTSTRAP_SERVERS") == null) {
            ports.add(config.portOf(StackConfig.KAFKA));
            ports.add(config.portOf(StackConfig.KAFKA_CONTROLLER));
        }
        if (config.external("SPRING_DATA_MONGODB_URI") == null) {
            ports.add(config.portOf(StackConfig.MONGO));
        }
        if (!infraOnly) {
            ports.add(config.portOf(StackConfig.LEDGER));
            ports.add(config.portOf(StackConfig.SETTLEMENT));
            ports.add(config.portOf(StackConfig.PAYROLL));
        }
        return ports;
    }

    private int runUntilStopped() {
        try {
            Files.createDirectories(config.logDir());
        } catch (IOException e) {
            System.err.println("cannot create " + config.logDir() + ": " + e.getMessage());
            return EXIT_FAILED;
        }
        // Library logging (PostgreSQL's own output among it) goes to a file, the console stays readable.
        System.setProperty("org.slf4j.simpleLogger.logFile", config.logDir().resolve("launcher.log").toString());
        installSignalHandlers();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-stack-shutdown"));
        try {
            synchronized (lifecycle) {
                if (!stopping.get()) {
                    startInfrastructure();
                }
                if (!infraOnly && !stopping.get()) {
                    startApps();
                }
            }
            if (!infraOnly) {
                awaitHealthy();
            }
        } catch (StartFailure e) {
            if (stopping.get()) {
                return awaitStopped();
            }
            System.err.println(e.getMessage());
            stop();
            return EXIT_FAILED;
        } catch (RuntimeException | IOException e) {
            if (stopping.get()) {
                return awaitStopped();
            }
            System.err.println("local stack failed to start: " + e);
            stop();
            return EXIT_FAILED;
        }
        if (stopping.get()) {
            return awaitStopped();
        }
        // from now on a service that dies is reported (while starting, awaitHealthy reports it)
        apps.forEach(app -> app.process().process().onExit().thenAccept(p -> childExited(app.process())));
        printTable();
        return awaitStopped();
    }

    private int awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void startInfrastructure() throws IOException {
        Path data = config.dataDir();
        Files.createDirectories(data);
        log("data in " + data);

        kafkaBootstrap = config.external("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        CompletableFuture<KafkaNode> kafkaStart = null;
        if (kafkaBootstrap == null) {
            int port = config.port(StackConfig.KAFKA);
            int controller = config.port(StackConfig.KAFKA_CONTROLLER);
            log("starting Kafka (KRaft) on port " + port + ", controller " + controller);
            kafkaStart = CompletableFuture.supplyAsync(() -> {
                try {
                    return KafkaNode.start(data.resolve("kafka"), data.resolve("conf"),
                            config.logDir().resolve("kafka.log"), port, controller,
                            KafkaNode.defaultClasspath(), Duration.ofSeconds(90));
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
        }

        try {
            jdbcUrl = config.external("SPRING_DATASOURCE_URL");
            if (jdbcUrl == null) {
                int port = config.port(StackConfig.POSTGRES);
                log("starting PostgreSQL on port " + port);
                postgres = PostgresNode.start(data.resolve("pg"), port);
                try {
                    postgres.ensureDatabase("ledger");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("cannot create database ledger: " + e.getMessage(), e);
                }
                jdbcUrl = postgres.jdbcUrl("ledger");
            }

            mongoUri = config.external("SPRING_DATA_MONGODB_URI");
            if (mongoUri == null) {
                int port = config.port(StackConfig.MONGO);
                log("starting MongoDB wire server (H2 file) on port " + port);
                mongo = MongoNode.start(data.resolve("mongo").resolve("mongo.mv"), port);
                mongoUri = "mongodb://localhost:" + port;
            }
        } catch (IOException | RuntimeException e) {
            if (kafkaStart != null) {
                try {
                    kafka = kafkaStart.join(); // so that stop() stops it
                } catch (RuntimeException ignored) {
                    // it failed as well; the first failure is the one reported
                }
            }
            throw e;
        }

        if (kafkaStart != null) {
            try {
                kafka = kafkaStart.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new StartFailure("Kafka failed to start: " + cause.getMessage());
            }
            kafka.process().process().onExit().thenAccept(p -> childExited(kafka.process()));
            kafkaBootstrap = kafka.bootstrapServers();
        }
        log("infrastructure up in " + seconds(System.nanoTime() - startedNanos));
    }

    private void startApps() throws IOException {
        Path root = config.repoRoot();
        issuer = LocalIssuer.in(config.dataDir());
        credentials = issuer.writeCredentials();
        Map<String, String> ledgerEnv = commonEnv(StackConfig.LEDGER, "ledger");
        ledgerEnv.putAll(issuer.ledgerEnvironment());
        ledgerEnv.put("SPRING_DATASOURCE_URL", jdbcUrl);
        ledgerEnv.put("SPRING_DATASOURCE_USERNAME",
                Optional.ofNullable(config.external("SPRING_DATASOURCE_USERNAME")).orElse(PostgresNode.USER));
        ledgerEnv.put("SPRING_DATASOURCE_PASSWORD",
                Optional.ofNullable(config.external("SPRING_DATASOURCE_PASSWORD")).orElse("postgres"));
        apps.add(new AppNode(StackConfig.LEDGER, root.resolve(LEDGER_JAR), config.port(StackConfig.LEDGER), ledgerEnv));

        // Settlement and payroll reach the ledger only through Kafka: no ledger URL.
        Map<String, String> settlementEnv = commonEnv(StackConfig.SETTLEMENT, "settlement");
        settlementEnv.putAll(issuer.senderEnvironment("settlement"));
        apps.add(new AppNode(StackConfig.SETTLEMENT, root.resolve(SETTLEMENT_JAR),
                config.port(StackConfig.SETTLEMENT), settlementEnv));

        Map<String, String> payrollEnv = commonEnv(StackConfig.PAYROLL, "payroll");
        payrollEnv.putAll(issuer.senderEnvironment("payroll"));
        apps.add(new AppNode(StackConfig.PAYROLL, root.resolve(PAYROLL_JAR), config.port(StackConfig.PAYROLL),
                payrollEnv));

        for (AppNode app : apps) {
            log("starting " + app.name() + " on port " + app.port() + " (log " + logFile(app.name()) + ")");
            app.start(root, logFile(app.name()));
        }
    }

    private Map<String, String> commonEnv(String app, String database) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(config.port(app)));
        env.put("SPRING_DATA_MONGODB_URI", withDatabase(mongoUri, database));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        env.putAll(issuer.appEnvironment());
        return env;
    }

    /** Puts {@code database} as the path of a mongodb:// URI, keeping hosts, credentials and options. */
    static String withDatabase(String uri, String database) {
        int hostsStart = uri.indexOf("://");
        hostsStart = hostsStart < 0 ? 0 : hostsStart + 3;
        int query = uri.indexOf('?', hostsStart);
        String options = query < 0 ? "" : uri.substring(query);
        String beforeQuery = query < 0 ? uri : uri.substring(0, query);
        int slash = beforeQuery.indexOf('/', hostsStart);
        String hosts = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        return hosts + "/" + database + options;
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        List<AppNode> waiting = new ArrayList<>(apps);
        while (!waiting.isEmpty()) {
            if (stopping.get()) {
                return;
            }
            for (AppNode app : List.copyOf(waiting)) {
                if (!app.process().isAlive()) {
                    throw new StartFailure(app.name() + " exited with code " + app.process().process().exitValue()
                            + " while starting; last lines of " + app.process().logFile() + ":"
                            + System.lineSeparator() + app.process().tail(20));
                }
                if (app.isUp()) {
                    log(app.name() + " is UP after " + seconds(System.nanoTime() - startedNanos));
                    waiting.remove(app);
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                AppNode app = waiting.get(0);
                throw new StartFailure(app.name() + " did not report UP on " + app.url() + "/actuator/health within "
                        + HEALTH_TIMEOUT.toSeconds() + " s; last lines of " + app.process().logFile() + ":"
                        + System.lineSeparator() + app.process().tail(20));
            }
            sleep(500);
        }
    }

    private void printTable() {
        String line = "-".repeat(100);
        OUT.println(line);
        OUT.printf(Locale.ROOT, "local stack is up (start-up took %s)%n", seconds(System.nanoTime() - startedNanos));
        OUT.println(line);
        for (AppNode app : apps) {
            OUT.printf(Locale.ROOT, "  %-12s %-24s health %s/actuator/health%n", app.name(), app.url(), app.url());
            OUT.printf(Locale.ROOT, "  %-12s %-24s swagger %s/swagger-ui.html%n", "", "", app.url());
        }
        OUT.printf(Locale.ROOT, "  %-12s %s (user postgres)%s%n", "PostgreSQL", jdbcUrl, postgres == null ? "  [external]" : "");
        OUT.printf(Locale.ROOT, "  %-12s %s%s%n", "Kafka", kafkaBootstrap, kafka == null ? "  [external]" : "");
        OUT.printf(Locale.ROOT, "  %-12s %s/<ledger|settlement|payroll>%s%n", "MongoDB", withDatabase(mongoUri, "").replaceAll("/$", ""),
                mongo == null ? "  [external]" : "  (mongo-java-server, H2 file)");
        OUT.printf(Locale.ROOT, "  %-12s %s   (wipe: stop, then rm -rf it)%n", "data", config.dataDir());
        OUT.printf(Locale.ROOT, "  %-12s %s%n", "logs", config.logDir());
        if (issuer != null) {
            OUT.println(line);
            OUT.println("Every API call needs an identity (health and the OpenAPI docs excepted). A token per role, valid 12 h:");
            for (String role : LocalIssuer.ROLES) {
                OUT.printf(Locale.ROOT, "  %-10s %s%n", role, issuer.token(role));
            }
            OUT.printf(Locale.ROOT, "  e.g.  curl -H \"Authorization: Bearer $TOKEN_AUDITOR\" %s/api/trial-balance%n", apps.get(0).url());
            OUT.println("  These tokens, an API key per role (X-Api-Key: $API_KEY_POSTER, ...) and API_KEY_ALL (every role, for the README walk-throughs) are in " + credentials
                    + "  (source it)");
        }
        OUT.println(line);
        OUT.println("Ctrl-C to stop");
        OUT.flush();
    }

    private void childExited(ChildProcess child) {
        if (!stopping.get()) {
            log(child.name() + " exited unexpectedly with code " + child.process().exitValue() + "; last lines of "
                    + child.logFile() + ":" + System.lineSeparator() + child.tail(20));
        }
    }

    private void installSignalHandlers() {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (stopping.get()) {
                        log("already stopping, please wait");
                        return;
                    }
                    Thread thread = new Thread(() -> {
                        stop();
                        System.exit(0);
                    }, "local-stack-stop");
                    thread.start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // the shutdown hook still stops everything, only without a fixed order against zonky's own hook
            }
        }
    }

    /**
     * Stops in dependency order: apps, Kafka, MongoDB (flushes the H2 file), PostgreSQL.
     * Safe to call more than once and from any thread.
     */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        long begin = System.nanoTime();
        long budgetEnd = begin + STOP_BUDGET.toNanos();
        log("stopping");
        synchronized (lifecycle) {
            stopNodes(begin, budgetEnd);
        }
    }

    private void stopNodes(long begin, long budgetEnd) {
        try {
            List<AppNode> running = apps.stream().filter(a -> a.process() != null).toList();
            if (!running.isEmpty()) {
                running.forEach(a -> a.process().requestStop());
                long deadline = Math.min(System.nanoTime() + APP_GRACE.toNanos(), budgetEnd - KAFKA_GRACE.toNanos() / 2);
                for (AppNode app : running) {
                    if (!app.process().awaitExit(deadline)) {
                        log(app.name() + " did not stop in time and was killed");
                    }
                }
                log("apps stopped after " + seconds(System.nanoTime() - begin));
            }
            if (kafka != null) {
                long left = budgetEnd - System.nanoTime() - Duration.ofSeconds(2).toNanos();
                Duration grace = Duration.ofNanos(Math.max(Duration.ofSeconds(1).toNanos(), Math.min(KAFKA_GRACE.toNanos(), left)));
                if (!kafka.stop(grace)) {
                    log("Kafka did not stop in time and was killed");
                }
                log("Kafka stopped after " + seconds(System.nanoTime() - begin));
            }
            if (mongo != null) {
                try {
                    mongo.close();
                } catch (RuntimeException e) {
                    log("MongoDB wire server: " + e);
                }
            }
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException | RuntimeException e) {
                    log("PostgreSQL: " + e);
                }
            }
            log("stopped in " + seconds(System.nanoTime() - begin));
        } finally {
            stopped.countDown();
        }
    }

    private Path logFile(String name) {
        return config.logDir().resolve(name + ".log");
    }

    private static void log(String message) {
        OUT.println(LocalTime.now().format(TIME) + " local-stack: " + message);
        OUT.flush();
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A start-up failure with a message meant for the user as it is. */
    private static final class StartFailure extends RuntimeException {
        StartFailure(String message) {
            super(message);
        }
    }
}
