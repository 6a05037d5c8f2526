package dk.platform.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SenderSecretTest {

    @Test
    void theServicesOwnSecretComesFirst() {
        MockEnvironment env = new MockEnvironment().withProperty("platform.security.kafka.sender-secret", "own")
                .withProperty("platform.security.kafka.senders.payroll.secret", "ledger-side");
        assertThat(SenderSecret.of(env, "payroll")).isEqualTo("own");
    }

    @Test
    void withoutItTheLedgersEntryForTheSenderIsUsed() {
        MockEnvironment env = new MockEnvironment().withProperty("platform.security.kafka.senders.payroll.secret", "ledger-side")
                .withProperty("platform.security.kafka.senders.settlement.secret", "other");
        assertThat(SenderSecret.of(env, "payroll")).isEqualTo("ledger-side");
    }

    @Test
    void noSecretAtAllIsRefusedNamingTheEnvironmentVariable() {
        MockEnvironment env = new MockEnvironment().withProperty("platform.security.kafka.sender-secret", " ");
        assertThatThrownBy(() -> SenderSecret.of(env, "settlement")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PLATFORM_SECURITY_KAFKA_SENDER_SECRET").hasMessageContaining("'settlement'");
    }
}
