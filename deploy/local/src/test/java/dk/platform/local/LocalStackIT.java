package dk.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole launcher as a child process, with {@link FakeApp} jars standing in for the services. */
class LocalStackIT {

    @Test
    void startsEverythingWiresTheAppsStopsOnSigtermAndStartsAgainOnTheSameData(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("repo");
        LauncherProcess.writeFakeAppJars(root);
        Map<String, String> env = env(dir, root);
        int pg = Integer.parseInt(env.get("PG_PORT"));
        int ledger = Integer.parseInt(env.get("LEDGER_PORT"));
        int settlement = Integer.parseInt(env.get("SETTLEMENT_PORT"));
        int payroll = Integer.parseInt(env.get("PAYROLL_PORT"));

        LauncherProcess launcher = LauncherProcess.start(dir, env);
        try {
            launcher.awaitOutput("Ctrl-C to stop", Duration.ofSeconds(90));
            String table = launcher.out();
            assertThat(table)
                    .contains("local stack is up (start-up took ")
                    .contains("http://localhost:" + ledger + "/actuator/health")
                    .contains("http://localhost:" + settlement + "/swagger-ui.html")
                    .contains("http://localhost:" + payroll)
                    .contains("jdbc:postgresql://localhost:" + pg + "/ledger")
                    .contains("localhost:" + env.get("KAFKA_PORT"))
                    .contains("mongodb://localhost:" + env.get("MONGO_PORT"))
                    .contains(dir.resolve("data").resolve("logs").toString());

            Properties ledgerEnv = seenBy(root, ledger);
            assertThat(ledgerEnv)
                    .containsEntry("SERVER_PORT", Integer.toString(ledger))
                    .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + pg + "/ledger")
                    .containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
                    .containsEntry("SPRING_DATASOURCE_PASSWORD", "postgres")
                    .containsEntry("SPRING_DATA_MONGODB_URI", "mongodb://localhost:" + env.get("MONGO_PORT") + "/ledger")
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + env.get("KAFKA_PORT"))
                    .containsEntry("axoniq.update-checker.disabled", "true")
                    .doesNotContainKey("LEDGER_URL");
            for (int port : List.of(settlement, payroll)) {
                String database = port == settlement ? "settlement" : "payroll";
                assertThat(seenBy(root, port))
                        .containsEntry("SERVER_PORT", Integer.toString(port))
                        .doesNotContainKey("LEDGER_URL")
                        .containsEntry("SPRING_DATA_MONGODB_URI",
                                "mongodb://localhost:" + env.get("MONGO_PORT") + "/" + database)
                        .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + env.get("KAFKA_PORT"))
                        .doesNotContainKey("SPRING_DATASOURCE_URL");
            }
            assertThat(dir.resolve("data/logs/settlement.log")).content().contains("fake app up on " + settlement);
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + pg + "/ledger", "postgres", "");
                 ResultSet rs = connection.createStatement().executeQuery("select current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ledger");
            }
            String clusterId = KafkaNode.readClusterId(dir.resolve("data/kafka"));
            assertThat(clusterId).isNotBlank();

            long begin = System.nanoTime();
            launcher.process.destroy(); // SIGTERM, as Ctrl-C or a service manager would
            assertThat(launcher.process.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            assertThat(launcher.process.exitValue()).isZero();
            assertThat(launcher.out()).contains("apps stopped after", "Kafka stopped after", "local-stack: stopped in");
            for (String var : List.of("PG_PORT", "KAFKA_PORT", "MONGO_PORT", "LEDGER_PORT", "SETTLEMENT_PORT", "PAYROLL_PORT")) {
                assertThat(PortCheck.isFree(Integer.parseInt(env.get(var)))).as(var + " free after stop").isTrue();
            }
            System.out.println("stack stopped in " + took.toMillis() + " ms");

            // The same data directory again (PostgreSQL, Kafka and the H2 file reused), this time with
            // an app that dies while starting: the launcher reports it with its log and stops the rest.
            Map<String, String> failing = new HashMap<>(env);
            failing.put("FAKE_EXIT_PORT", Integer.toString(payroll));
            LauncherProcess again = LauncherProcess.start(dir, failing);
            try {
                assertThat(again.process.waitFor(90, TimeUnit.SECONDS)).isTrue();
                assertThat(again.process.exitValue()).isEqualTo(1);
                assertThat(again.out()).contains("infrastructure up in");
                assertThat(again.err())
                        .contains("payroll exited with code 3 while starting")
                        .contains("fails on purpose");
                assertThat(KafkaNode.readClusterId(dir.resolve("data/kafka"))).as("not formatted again")
                        .isEqualTo(clusterId);
                for (String var : List.of("PG_PORT", "KAFKA_PORT", "MONGO_PORT", "LEDGER_PORT", "SETTLEMENT_PORT")) {
                    assertThat(PortCheck.isFree(Integer.parseInt(env.get(var)))).as(var + " free after failure").isTrue();
                }
            } finally {
                again.kill();
            }
        } finally {
            launcher.kill();
        }
    }

    static Map<String, String> env(Path dir, Path root) {
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", dir.resolve("data").toString());
        env.put("REPO_ROOT", root.toString());
        List<String> vars = List.of("PG_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "LEDGER_PORT",
                "SETTLEMENT_PORT", "PAYROLL_PORT");
        List<Integer> ports = TestPorts.distinct(vars.size());
        for (int i = 0; i < vars.size(); i++) {
            env.put(vars.get(i), Integer.toString(ports.get(i)));
        }
        return env;
    }

    private static Properties seenBy(Path root, int port) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve("fake-" + port + ".properties"))) {
            properties.load(reader);
        }
        return properties;
    }
}
