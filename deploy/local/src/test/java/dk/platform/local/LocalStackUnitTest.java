package dk.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackUnitTest {

    @Test
    void eachAppGetsItsOwnMongoDatabaseOnTheSameServers() {
        assertThat(LocalStack.withDatabase("mongodb://localhost:27017", "ledger"))
                .isEqualTo("mongodb://localhost:27017/ledger");
        assertThat(LocalStack.withDatabase("mongodb://localhost:27017/", "payroll"))
                .isEqualTo("mongodb://localhost:27017/payroll");
        assertThat(LocalStack.withDatabase("mongodb://u:p@m1:27017,m2:27017,m3:27017/admin?replicaSet=rs0", "settlement"))
                .isEqualTo("mongodb://u:p@m1:27017,m2:27017,m3:27017/settlement?replicaSet=rs0");
        assertThat(LocalStack.withDatabase("mongodb://m1,m2?replicaSet=rs0", "ledger"))
                .isEqualTo("mongodb://m1,m2/ledger?replicaSet=rs0");
    }

    @Test
    void serversGivenByTheSpringVariablesAreNotStartedNorTheirPortsChecked() {
        LocalStack all = new LocalStack(StackConfig.fromEnv(java.util.Map.of()), false);
        LocalStack external = new LocalStack(StackConfig.fromEnv(java.util.Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/ledger",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "SPRING_DATA_MONGODB_URI", "mongodb://m1,m2,m3/?replicaSet=rs0")), false);
        LocalStack infraOnly = new LocalStack(StackConfig.fromEnv(java.util.Map.of()), true);

        assertThat(all.portsToCheck()).extracting(StackConfig.Port::number)
                .containsExactly(5433, 9092, 9093, 27017, 8081, 8082, 8083);
        assertThat(external.portsToCheck()).extracting(StackConfig.Port::number).containsExactly(8081, 8082, 8083);
        assertThat(infraOnly.portsToCheck()).extracting(StackConfig.Port::number).containsExactly(5433, 9092, 9093, 27017);
    }

    @Test
    void clusterIdsHaveKafkasForm() {
        String id = KafkaNode.newClusterId();

        assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
        assertThat(KafkaNode.newClusterId()).isNotEqualTo(id);
    }

    @Test
    void clusterIdsNeverStartWithADashWhichTheStorageToolWouldTakeForAnOption() {
        // One in 64 random ids would start with '-'; a thousand make missing it vanishingly unlikely.
        for (int i = 0; i < 1000; i++) {
            assertThat(KafkaNode.newClusterId()).doesNotStartWith("-");
        }
    }

    @Test
    void serverPropertiesDescribeOneCombinedNode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("server.properties");
        KafkaNode.writeServerProperties(file, dir.resolve("kafka"), 19092, 19093);

        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@localhost:19093")
                .containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
                .containsEntry("log.dirs", dir.resolve("kafka").toAbsolutePath().toString())
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("auto.create.topics.enable", "true")
                .containsEntry("num.partitions", "3");
    }

    @Test
    void anUnformattedLogDirHasNoClusterId(@TempDir Path dir) throws Exception {
        assertThat(KafkaNode.readClusterId(dir)).isNull();

        Files.writeString(dir.resolve("meta.properties"), "version=1\nnode.id=1\ncluster.id=abc\n");
        assertThat(KafkaNode.readClusterId(dir)).isEqualTo("abc");
    }
}
