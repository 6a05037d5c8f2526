package dk.platform.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The retry policy without a broker: the error handler is handed the same record's failures one
 * after another, as the container hands them over on each redelivery.
 */
class KafkaErrorHandlingTest {

    static final Exception OUTAGE = new ListenerExecutionFailedException("listener failed",
            new IllegalStateException("command failed", new SQLException("Connection refused", "08001")));
    static final Exception BAD_RECORD = new ListenerExecutionFailedException("listener failed",
            new IllegalStateException("command failed", new SQLException("invalid byte sequence", "22021")));

    final KafkaErrorHandling errors = new KafkaErrorHandling(new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)), 4, Duration.ofMillis(1), Duration.ofMillis(2));
    final List<ConsumerRecord<?, ?>> parked = new ArrayList<>();
    final DefaultErrorHandler handler = errors.parkingWith((record, consumer, failure) -> parked.add(record));
    final ConsumerRecord<String, String> record = new ConsumerRecord<>("ledger.commands", 1, 42L, "key", "value");
    final Consumer<?, ?> consumer = mock(Consumer.class);
    final MessageListenerContainer container = mock(MessageListenerContainer.class);

    {
        when(container.getContainerProperties()).thenReturn(new ContainerProperties("ledger.commands"));
        when(container.isRunning()).thenReturn(true);
    }

    @AfterEach
    void close() {
        errors.destroy();
    }

    @Test
    void aRecordThatFailsTheSameWayEachTimeIsParkedAfterItsFourthDelivery() {
        for (int delivery = 1; delivery <= 3; delivery++) {
            assertThat(fails(BAD_RECORD)).as("delivery %d", delivery).isFalse();
        }
        assertThat(fails(BAD_RECORD)).isTrue();
        assertThat(parked).containsExactly(record);
    }

    @Test
    void aRecordFailingInAnOutageIsDeliveredAgainWithoutLimit() {
        for (int delivery = 1; delivery <= 50; delivery++) {
            assertThat(fails(OUTAGE)).as("delivery %d", delivery).isFalse();
        }
        assertThat(parked).isEmpty();
    }

    @Test
    void failuresInAnOutageDoNotCountTowardsTheAttemptsOfABadRecord() {
        // the first failure in an outage, as when a bad record arrives while the database is down
        for (int i = 0; i < 10; i++) {
            assertThat(fails(OUTAGE)).isFalse();
        }
        assertThat(fails(BAD_RECORD)).isFalse();
        assertThat(fails(OUTAGE)).isFalse();
        assertThat(fails(BAD_RECORD)).isFalse();
        assertThat(fails(BAD_RECORD)).isFalse();
        assertThat(parked).isEmpty();
        assertThat(fails(BAD_RECORD)).as("the fourth failure of the record itself").isTrue();
        assertThat(parked).containsExactly(record);
    }

    @Test
    void aPoisonRecordIsParkedAtOnce() {
        assertThat(fails(new ListenerExecutionFailedException("listener failed", new PoisonRecord("not JSON")))).isTrue();
        assertThat(parked).containsExactly(record);
    }

    @Test
    void theReasonHeadersOfADeadLetterAreBounded() {
        String huge = "x".repeat(500_000);
        Headers headers = new RecordHeaders();
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "from an earlier parking".getBytes(StandardCharsets.UTF_8));
        KafkaErrorHandling.boundedExceptionHeaders(headers, new ListenerExecutionFailedException("listener failed",
                new PoisonRecord("commandId '" + huge + "' is not well-formed")), false,
                new DeadLetterPublishingRecoverer.HeaderNames.Builder().original().offsetHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)
                        .timestampHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP).timestampTypeHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE)
                        .topicHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).partitionHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)
                        .consumerGroupHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)
                        .exception().keyExceptionFqcn(KafkaHeaders.DLT_KEY_EXCEPTION_FQCN).exceptionFqcn(KafkaHeaders.DLT_EXCEPTION_FQCN)
                        .exceptionCauseFqcn(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN).keyExceptionMessage(KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE)
                        .exceptionMessage(KafkaHeaders.DLT_EXCEPTION_MESSAGE).keyExceptionStacktrace(KafkaHeaders.DLT_KEY_EXCEPTION_STACKTRACE)
                        .exceptionStacktrace(KafkaHeaders.DLT_EXCEPTION_STACKTRACE).build());
        assertThat(headers.headers(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).hasSize(1);
        String message = new String(headers.lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(), StandardCharsets.UTF_8);
        assertThat(message).startsWith("commandId 'xxx").endsWith("…").hasSize(BoundedText.MAX_DETAIL);
        assertThat(new String(headers.lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN).value(), StandardCharsets.UTF_8))
                .isEqualTo(PoisonRecord.class.getName());
        int total = 0;
        for (var header : headers) {
            total += header.key().length() + header.value().length;
        }
        assertThat(total).isLessThan(16_000);
    }

    @Test
    void aDeadLetterTopicHasThePartitionsOfItsSourceAndRoomForItsLargestRecord() {
        NewTopic dlt = KafkaErrorHandling.deadLetterTopic(TopicBuilder.name("ledger.commands").partitions(3).build());
        assertThat(dlt.name()).isEqualTo("ledger.commands.dlt");
        assertThat(dlt.numPartitions()).isEqualTo(3);
        assertThat(Integer.parseInt(dlt.configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG))).isGreaterThan(1024 * 1024 + 16_000);
    }

    /** One failed delivery; true if the handler parked the record. */
    private boolean fails(Exception failure) {
        int before = parked.size();
        try {
            handler.handleRemaining(failure, List.of(record), consumer, container);
        } catch (RuntimeException notRecovered) {
            // the handler seeks back and throws: the record is delivered again
        }
        return parked.size() > before;
    }
}
