package dk.platform.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How every consumer of the platform deals with a record it cannot handle (README "Dead letters").
 * <ul>
 *   <li>A failure in an outage ({@link Outages}: database, MongoDB or broker down) is retried
 *   with back-off, doubling up to {@code maxInterval}, for as long as the outage lasts: the
 *   record is neither lost nor parked because something else was down.</li>
 *   <li>Any other failure is retried until the record has been delivered {@code attempts} times;
 *   a {@link PoisonRecord} (the listener read it and it is bad) is not retried at all.</li>
 *   <li>Then the record is parked: copied, with its key, value and headers, to the dead-letter
 *   topic {@code <topic>.dlt} (same partition), with spring-kafka's {@code kafka_dlt-*} headers
 *   saying where it came from (topic, partition, offset, consumer group) and why (exception
 *   class, message, stack trace; cut to a few kB so a dead letter is never too large); its
 *   offset is committed and the partition goes on with the next record.</li>
 * </ul>
 */
public class KafkaErrorHandling implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);

    public static final String DEAD_LETTER_SUFFIX = ".dlt";
    /** A dead letter is its record plus bounded headers: room for a record as large as the broker's default limit (1 MiB). */
    static final int DEAD_LETTER_MAX_BYTES = 2 * 1024 * 1024;
    static final String DEAD_LETTER_RETENTION_MS = String.valueOf(Duration.ofDays(30).toMillis());
    static final int MAX_STACK_TRACE = 4000;

    private final KafkaTemplate<Object, Object> deadLetters;
    private final int attempts;
    private final Duration interval;
    private final Duration maxInterval;

    public KafkaErrorHandling(ProducerFactory<Object, Object> producers, int attempts, Duration interval, Duration maxInterval) {
        // its own producer, allowed to send a dead letter of a record as large as the broker takes, plus its headers
        this.deadLetters = new KafkaTemplate<>(producers, Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEAD_LETTER_MAX_BYTES));
        this.attempts = attempts;
        this.interval = interval;
        this.maxInterval = maxInterval;
        new OutageAwareBackOff(attempts, interval, maxInterval); // a bad setting fails at start-up
    }

    public static String deadLetterTopic(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The dead-letter topic of {@code source}: as many partitions (a dead letter keeps its partition), kept 30 days. */
    public static NewTopic deadLetterTopic(NewTopic source) {
        NewTopic topic = new NewTopic(deadLetterTopic(source.name()), java.util.Optional.of(source.numPartitions()),
                source.replicationFactor() > 0 ? java.util.Optional.of(source.replicationFactor()) : java.util.Optional.empty());
        return topic.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(DEAD_LETTER_MAX_BYTES),
                TopicConfig.RETENTION_MS_CONFIG, DEAD_LETTER_RETENTION_MS));
    }

    public int attempts() {
        return attempts;
    }

    /** The error handler that parks a record as the class comment says. */
    public DefaultErrorHandler errorHandler() {
        return errorHandler((record, failure) -> {
        });
    }

    /**
     * As {@link #errorHandler()}, and once a record is parked, {@code afterParking} runs (the
     * ledger answers the command REJECTED). If it throws, the record is delivered again.
     */
    public DefaultErrorHandler errorHandler(ConsumerRecordRecoverer afterParking) {
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(deadLetters,
                (record, failure) -> new TopicPartition(deadLetterTopic(record.topic()), record.partition()));
        toDeadLetters.setExceptionHeadersCreator(KafkaErrorHandling::boundedExceptionHeaders);
        return parkingWith((record, consumer, failure) -> {
            toDeadLetters.accept(record, consumer, failure);
            afterParking.accept(record, failure);
        });
    }

    /** The retry policy, parking with {@code park}. */
    DefaultErrorHandler parkingWith(ConsumerAwareRecordRecoverer park) {
        OutageAwareBackOff backOff = new OutageAwareBackOff(attempts, interval, maxInterval);
        DefaultErrorHandler handler = new DefaultErrorHandler(park, backOff);
        handler.addNotRetryableExceptions(PoisonRecord.class);
        // attempts are counted per record, whatever exception each one ended in (OutageAwareBackOff tells outages apart)
        handler.setResetStateOnExceptionChange(false);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
                backOff.failed(failure);
                Throwable cause = unwrapped(failure);
                if (cause instanceof PoisonRecord) {
                    return; // parked at once, and logged then
                }
                if (Outages.isOutage(failure)) {
                    log.warn("record {} failed in an outage (attempt {}); it is delivered again until the outage is over: {}",
                            where(record), attempt, cause.toString());
                } else if (attempt == 1) {
                    log.warn("record {} failed; it is delivered again, {} times in all before it is parked in {}", where(record),
                            attempts, deadLetterTopic(record.topic()), cause);
                } else {
                    log.warn("record {} failed again (attempt {} of {}): {}", where(record), attempt, attempts, cause.toString());
                }
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
                log.error("record {} parked in {}: {}", where(record), deadLetterTopic(record.topic()),
                        BoundedText.cap(unwrapped(failure).toString(), BoundedText.MAX_DETAIL));
            }
        });
        return handler;
    }

    /** The listener's own exception, not spring-kafka's wrapper around it. */
    public static Throwable unwrapped(Throwable failure) {
        Throwable t = failure;
        while (t instanceof ListenerExecutionFailedException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " (key "
                + (record.key() instanceof String key ? dk.platform.ledger.api.InputRules.quote(key) : String.valueOf(record.key())) + ")";
    }

    /**
     * spring-kafka's exception headers, each cut to a bounded length: the message of a failure
     * may quote the record (a 500 kB id), and a stack trace can run to tens of kB.
     */
    static void boundedExceptionHeaders(Headers headers, Exception failure, boolean isKey,
            DeadLetterPublishingRecoverer.HeaderNames names) {
        DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo info = names.getExceptionInfo();
        Throwable cause = unwrapped(failure);
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Map<String, String> values = new HashMap<>();
        values.put(isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(), cause.getClass().getName());
        values.put(info.getExceptionCauseFqcn(), root.getClass().getName());
        values.put(isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(),
                BoundedText.cap(String.valueOf(cause.getMessage()), BoundedText.MAX_DETAIL));
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace, true));
        values.put(isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(),
                BoundedText.cap(trace.toString(), MAX_STACK_TRACE));
        values.forEach((name, value) -> {
            headers.remove(name); // a dead letter replayed and parked again says only why it failed this time
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        });
    }

    @Override
    public void destroy() {
        deadLetters.destroy();
    }
}
