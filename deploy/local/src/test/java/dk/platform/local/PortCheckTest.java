package dk.platform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aTakenPortIsReportedInOneLineNamingTheVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            StackConfig config = StackConfig.fromEnv(Map.of("LEDGER_PORT", Integer.toString(port)));

            assertThat(PortCheck.firstProblem(List.of(config.portOf(StackConfig.LEDGER))))
                    .contains("port " + port + " (ledger) is already in use; set LEDGER_PORT to another port");
        }
    }

    @Test
    void aPortTakenOnLoopbackOnlyIsAlsoSeen() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(PortCheck.isFree(taken.getLocalPort())).isFalse();
        }
    }

    @Test
    void freePortsPass() {
        StackConfig config = StackConfig.fromEnv(Map.of(
                "PG_PORT", Integer.toString(PortCheck.freePort()),
                "MONGO_PORT", Integer.toString(PortCheck.freePort())));

        assertThat(PortCheck.firstProblem(List.of(config.portOf(StackConfig.POSTGRES), config.portOf(StackConfig.MONGO))))
                .isEmpty();
    }

    @Test
    void theSamePortForTwoPartsIsRefused() {
        StackConfig config = StackConfig.fromEnv(Map.of("SETTLEMENT_PORT", "8081"));

        assertThat(PortCheck.firstProblem(List.of(config.portOf(StackConfig.LEDGER), config.portOf(StackConfig.SETTLEMENT))))
                .contains("port 8081 is set for both ledger and settlement; set SETTLEMENT_PORT to another port");
    }

    @Test
    void defaultsAreTheDocumentedPorts() {
        StackConfig config = StackConfig.fromEnv(Map.of());

        assertThat(config.ports().values()).extracting(StackConfig.Port::envVar, StackConfig.Port::number)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("PG_PORT", 5433),
                        org.assertj.core.groups.Tuple.tuple("KAFKA_PORT", 9092),
                        org.assertj.core.groups.Tuple.tuple("KAFKA_CONTROLLER_PORT", 9093),
                        org.assertj.core.groups.Tuple.tuple("MONGO_PORT", 27017),
                        org.assertj.core.groups.Tuple.tuple("LEDGER_PORT", 8081),
                        org.assertj.core.groups.Tuple.tuple("SETTLEMENT_PORT", 8082),
                        org.assertj.core.groups.Tuple.tuple("PAYROLL_PORT", 8083));
        assertThat(config.dataDir()).isEqualTo(java.nio.file.Path.of("data").toAbsolutePath());
    }

    @Test
    void aPortVariableThatIsNoPortIsRefused() {
        assertThatThrownBy(() -> StackConfig.fromEnv(Map.of("KAFKA_PORT", "90x2")))
                .hasMessage("KAFKA_PORT must be a port number (1-65535), got '90x2'");
        assertThatThrownBy(() -> StackConfig.fromEnv(Map.of("MONGO_PORT", "70000")))
                .isInstanceOf(StackConfig.BadConfig.class);
    }
}
