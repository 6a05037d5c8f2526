package dk.platform.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.platform.ledger.api.command.ReverseEntry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerCommandSenderTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final ReverseEntry COMMAND = new ReverseEntry("payroll-R1-v1", "payroll-R1-v1-r", LocalDate.of(2026, 10, 31),
            "Omkørsel af bogføring");

    record Sent(String topic, String key, String value, Map<String, byte[]> headers) {
    }

    @Test
    void aCommandGoesToLedgerCommandsKeyedByItsIdAsAMessageSignedByItsSenderForTheUser() throws Exception {
        List<Sent> sent = new ArrayList<>();
        LedgerCommandSender sender = new LedgerCommandSender("payroll", "s3cret", JSON,
                (topic, key, value, headers) -> sent.add(new Sent(topic, key, value, headers)));

        assertThat(sender.send("payroll-R1-v1-r", COMMAND, "payroll-run-R1", "approver-9")).isEqualTo("ReverseEntry");

        assertThat(sent).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.LEDGER_COMMANDS);
            assertThat(record.key()).isEqualTo("payroll-R1-v1-r");
            JsonNode message = JSON.readTree(record.value());
            assertThat(message.get("commandId").asText()).isEqualTo("payroll-R1-v1-r");
            assertThat(message.get("type").asText()).isEqualTo("ReverseEntry");
            assertThat(message.get("sender").asText()).isEqualTo("payroll");
            assertThat(message.get("correlationId").asText()).isEqualTo("payroll-run-R1");
            assertThat(message.get("payload")).isEqualTo(JSON.valueToTree(COMMAND));
            assertThat(record.headers()).containsOnlyKeys(CommandSignature.SENDER_HEADER, CommandSignature.ON_BEHALF_OF_HEADER,
                    CommandSignature.SIGNATURE_HEADER);
            assertThat(CommandSignature.verify("s3cret", "payroll", "approver-9", record.key(), record.value(),
                    new String(record.headers().get(CommandSignature.SIGNATURE_HEADER), StandardCharsets.UTF_8))).isTrue();
        });
    }

    @Test
    void aCommandForNoUserCarriesNoOnBehalfOfHeader() {
        List<Sent> sent = new ArrayList<>();
        new LedgerCommandSender("settlement", "s3cret", JSON, (topic, key, value, headers) -> sent.add(new Sent(topic, key, value, headers)))
                .send("wo-1", COMMAND, "statement-1", null);
        assertThat(sent.get(0).headers()).doesNotContainKey(CommandSignature.ON_BEHALF_OF_HEADER);
    }

    @Test
    void aSendTheBrokerDidNotConfirmFailsNamingTheCommand() {
        LedgerCommandSender sender = new LedgerCommandSender("payroll", "s3cret", JSON, (topic, key, value, headers) -> {
            throw new TimeoutException("no broker");
        });
        assertThatThrownBy(() -> sender.send("payroll-R1-v1-r", COMMAND, "payroll-run-R1", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("could not send ReverseEntry payroll-R1-v1-r to the ledger: no broker");
    }

    @Test
    void anInterruptedSendKeepsTheInterrupt() {
        LedgerCommandSender sender = new LedgerCommandSender("payroll", "s3cret", JSON, (topic, key, value, headers) -> {
            throw new InterruptedException();
        });
        assertThatThrownBy(() -> sender.send("c1", COMMAND, "x", null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("interrupted while sending c1");
        assertThat(Thread.interrupted()).isTrue();
    }
}
