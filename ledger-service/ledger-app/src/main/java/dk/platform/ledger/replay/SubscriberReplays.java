package dk.platform.ledger.replay;

import dk.platform.ledger.api.InputRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.EventEnvelope;
import dk.platform.ledger.api.event.LedgerEvent;
import dk.platform.ledger.infra.kafka.LedgerEventPublisher;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Replays the ledger's history for one named subscriber: every stored event from a global
 * position up to the head at the time of the request, in global order, published in the
 * {@code ledger.events} envelope to the subscriber's own topic {@code ledger.events.replay.<name>}
 * (keyed by aggregate id, with the global position in the record header {@code ledger-position}).
 * The live {@code ledger.events} is not touched, so no other consumer sees the replay. One replay
 * runs at a time per subscriber; progress is kept in memory and logged. A replay cut short by a
 * restart is asked for again from its last position + 1 (the consumer de-duplicates by event id).
 */
@Component
public class SubscriberReplays {

    private static final Logger log = LoggerFactory.getLogger(SubscriberReplays.class);
    static final String TOPIC_PREFIX = "ledger.events.replay.";
    static final String POSITION_HEADER = "ledger-position";
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,60}");

    /** A replay's progress: events sent, up to which position, the head it runs to, and its state. */
    public record Replay(String subscriber, String topic, long fromPosition, long headPosition, long sent,
                         Long lastPosition, String state, String error, Instant startedAt, Instant finishedAt,
                         Double eventsPerSecond) {
    }

    private final EventStore events;
    private final KafkaTemplate<String, String> kafka;
    private final KafkaAdmin admin;
    private final ObjectMapper json;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "subscriber-replays");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock = Clock.systemUTC();

    SubscriberReplays(EventStore events, KafkaTemplate<String, String> kafka, KafkaAdmin admin, ObjectMapper json) {
        this.events = events;
        this.kafka = kafka;
        this.admin = admin;
        this.json = json;
    }

    /** Starts a replay (or answers the one running for this subscriber). */
    public synchronized Replay start(String subscriber, long fromPosition) {
        if (subscriber == null || !NAME.matcher(subscriber).matches()) {
            throw new IllegalArgumentException("subscriber " + InputRules.quote(subscriber) + " must be 1 to 60 of a-z 0-9 . _ -");
        }
        if (fromPosition < 0) {
            throw new IllegalArgumentException("fromPosition must be 0 or more, was " + fromPosition);
        }
        Replay running = replays.get(subscriber);
        if (running != null && running.state().equals("RUNNING")) {
            return running;
        }
        String topic = TOPIC_PREFIX + subscriber;
        admin.createOrModifyTopics(new NewTopic(topic, Optional.of(3), Optional.empty()));
        TrackingToken headToken = events.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        Replay replay = new Replay(subscriber, topic, fromPosition, head, 0, null, "RUNNING", null, clock.instant(), null, null);
        replays.put(subscriber, replay);
        CompletableFuture.runAsync(() -> run(replay), worker);
        return replay;
    }

    public Replay status(String subscriber) {
        return replays.get(subscriber);
    }

    private void run(Replay replay) {
        TrackingToken from = replay.fromPosition() == 0 ? null
                : GapAwareTrackingToken.newInstance(replay.fromPosition() - 1, List.of());
        long sent = 0;
        Long last = null;
        Instant reported = clock.instant();
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(from)) {
            while (replay.headPosition() >= 0 && (last == null || last < replay.headPosition())
                    && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                long position = message.trackingToken().position().orElseThrow();
                if (position > replay.headPosition()) {
                    break;
                }
                last = position;
                if (message.getPayload() instanceof LedgerEvent event) {
                    EventEnvelope envelope = LedgerEventPublisher.envelope(event, message, json);
                    ProducerRecord<String, String> record = new ProducerRecord<>(replay.topic(), envelope.aggregateId(),
                            json.writeValueAsString(envelope));
                    record.headers().add(POSITION_HEADER, Long.toString(position).getBytes(StandardCharsets.UTF_8));
                    kafka.send(record).get(30, TimeUnit.SECONDS);
                    sent++;
                }
                if (Duration.between(reported, clock.instant()).toSeconds() >= 5) {
                    reported = clock.instant();
                    progress(replay, sent, last, "RUNNING", null);
                }
            }
            Replay done = progress(replay, sent, last, "DONE", null);
            log.info("replay for {}: done, {} events up to position {} to {} ({} events/s)", replay.subscriber(), sent, last,
                    replay.topic(), done.eventsPerSecond());
        } catch (Exception e) {
            log.error("replay for {} failed at position {}", replay.subscriber(), last, e);
            progress(replay, sent, last, "FAILED", e.getMessage());
        }
    }

    private Replay progress(Replay replay, long sent, Long last, String state, String error) {
        Instant now = clock.instant();
        double seconds = Math.max(0.001, Duration.between(replay.startedAt(), now).toMillis() / 1000.0);
        Replay updated = new Replay(replay.subscriber(), replay.topic(), replay.fromPosition(), replay.headPosition(), sent,
                last, state, error, replay.startedAt(), state.equals("RUNNING") ? null : now, (double) Math.round(sent / seconds));
        replays.put(replay.subscriber(), updated);
        if (state.equals("RUNNING")) {
            log.info("replay for {}: {} events sent, at position {} of {}", replay.subscriber(), sent, last,
                    replay.headPosition());
        }
        return updated;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
