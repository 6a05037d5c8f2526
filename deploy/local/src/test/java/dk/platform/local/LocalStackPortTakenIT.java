package dk.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackPortTakenIT {

    @Test
    void aTakenPortStopsTheLauncherWithExitCode2BeforeAnythingStarts(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            Map<String, String> env = new java.util.HashMap<>(LocalStackIT.env(dir, dir.resolve("repo")));
            env.put("LEDGER_PORT", Integer.toString(port));
            LauncherProcess launcher = LauncherProcess.start(dir, env);
            try {
                assertThat(launcher.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(launcher.process.exitValue()).isEqualTo(2);
                assertThat(launcher.err())
                        .isEqualTo("port " + port + " (ledger) is already in use; set LEDGER_PORT to another port"
                                + System.lineSeparator());
                assertThat(launcher.out()).isEmpty();
                assertThat(Files.exists(dir.resolve("data"))).as("nothing started, no data dir").isFalse();
            } finally {
                launcher.kill();
            }
        }
    }
}
