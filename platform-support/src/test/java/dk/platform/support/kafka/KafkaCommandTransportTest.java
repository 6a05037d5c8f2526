package dk.platform.support.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class KafkaCommandTransportTest {

    @SuppressWarnings("unchecked")
    final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);

    @Test
    void aRecordGoesWithItsHeadersInOrderAndTheSendIsAwaited() throws Exception {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("a", "1".getBytes(StandardCharsets.UTF_8));
        headers.put("b", "2".getBytes(StandardCharsets.UTF_8));

        KafkaCommandTransport.awaiting(kafka).send("ledger.commands", "k", "v", headers);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<ProducerRecord<String, String>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        assertThat(sent.getValue().topic()).isEqualTo("ledger.commands");
        assertThat(sent.getValue().key()).isEqualTo("k");
        assertThat(sent.getValue().value()).isEqualTo("v");
        assertThat(sent.getValue().headers().toArray()).extracting(h -> h.key()).containsExactly("a", "b");
    }

    @Test
    void aSendTheBrokerRefusesFails() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.failedFuture(new IllegalStateException("down")));
        assertThatThrownBy(() -> KafkaCommandTransport.awaiting(kafka).send("t", "k", "v", Map.of()))
                .isInstanceOf(ExecutionException.class).hasRootCauseMessage("down");
    }
}
