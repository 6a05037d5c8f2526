package dk.platform.local;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A single KRaft node (broker and controller in one) running as its own JVM:
 * {@code java -cp lib/* kafka.Kafka server.properties}. The storage is formatted once; the
 * cluster id is then read back from {@code meta.properties}, so restarts keep topics and offsets.
 */
final class KafkaNode implements AutoCloseable {

    static final String HEAP = "-Xmx512m";

    private final ChildProcess process;
    private final int port;
    private final String clusterId;

    private KafkaNode(ChildProcess process, int port, String clusterId) {
        this.process = process;
        this.port = port;
        this.clusterId = clusterId;
    }

    /**
     * Formats {@code logDir} if needed, starts the broker and waits until it accepts connections.
     *
     * @param logDir    Kafka's data (log.dirs)
     * @param configDir where server.properties is written
     * @param logFile   the broker's stdout and stderr
     */
    static KafkaNode start(Path logDir, Path configDir, Path logFile, int port, int controllerPort,
                           String classpath, Duration readyTimeout) throws IOException {
        Files.createDirectories(logDir);
        Files.createDirectories(configDir);
        Path properties = configDir.resolve("kafka-server.properties");
        writeServerProperties(properties, logDir, port, controllerPort);

        String clusterId = readClusterId(logDir);
        if (clusterId == null) {
            clusterId = newClusterId();
            List<String> format = List.of(ChildProcess.javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp", classpath, "kafka.tools.StorageTool",
                    "format", "-t", clusterId, "-c", properties.toString());
            int exit = ChildProcess.run("kafka-storage-format", format, configDir, logFile, Duration.ofSeconds(60));
            if (exit != 0) {
                throw new IllegalStateException("formatting Kafka storage failed (exit " + exit + "):"
                        + System.lineSeparator() + ChildProcess.tail(logFile, 20));
            }
        }

        List<String> command = new ArrayList<>(List.of(ChildProcess.javaBinary(), HEAP, "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn",
                "-cp", classpath, "kafka.Kafka", properties.toString()));
        ChildProcess child = ChildProcess.start("kafka", command, Map.of(), configDir, logFile);
        KafkaNode node = new KafkaNode(child, port, clusterId);
        node.awaitReady(readyTimeout);
        return node;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with code " + process.process().exitValue() + ":"
                        + System.lineSeparator() + process.tail(20));
            }
            if (PortCheck.accepts("localhost", port, 500)) {
                return;
            }
            sleep(200);
        }
        process.stop(Duration.ofSeconds(5));
        throw new IllegalStateException("Kafka did not accept connections on port " + port + " within "
                + timeout.toSeconds() + " s:" + System.lineSeparator() + process.tail(20));
    }

    static void writeServerProperties(Path file, Path logDir, int port, int controllerPort) throws IOException {
        String text = String.join(System.lineSeparator(),
                "# written by dk.platform.local.KafkaNode on every start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "group.initial.rebalance.delay.ms=0",
                // a local ledger keeps its events: no time-based deletion
                "log.retention.ms=-1",
                "");
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The cluster id in {@code meta.properties}, or null when the storage is not formatted. */
    static String readClusterId(Path logDir) throws IOException {
        Path meta = logDir.resolve("meta.properties");
        if (!Files.exists(meta)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.getProperty("cluster.id");
    }

    /** Same form as Kafka's {@code Uuid.randomUuid().toString()}: 16 bytes, URL-safe base64, no padding. */
    /** Kafka's form (URL-safe base64 of 16 random bytes), never starting with '-': the storage tool would read that as an option. */
    static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits());
            bytes.putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    /**
     * The broker's classpath: every jar in the {@code lib} folder next to the launcher's own jar
     * (or next to {@code target/classes} when run from the build), filled by the dependency plugin.
     */
    static String defaultClasspath() {
        return libDir().resolve("*").toString();
    }

    static Path libDir() {
        try {
            Path self = Path.of(KafkaNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = self.getParent().resolve("lib");
            if (!Files.isDirectory(lib)) {
                throw new IllegalStateException("no " + lib + ": build the launcher with mvn package first");
            }
            return lib;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    String clusterId() {
        return clusterId;
    }

    ChildProcess process() {
        return process;
    }

    /** SIGTERM (controlled shutdown), up to {@code grace}, then SIGKILL. True when it stopped by itself. */
    boolean stop(Duration grace) {
        return process.stop(grace);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
