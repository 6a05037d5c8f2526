package dk.platform.ledger.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import static org.awaitility.Awaitility.await;

/** Test access to the tracking processors: wait until they have caught up, or rebuild them from the event store. */
public final class Projections {

    public static final List<String> VIEWS = List.of("open-items", "konto", "debts");

    private Projections() {
    }

    public static void awaitCaughtUp(EventProcessingConfiguration processing, EventStore store, List<String> names) {
        long head = position(store.createHeadToken());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> names.stream().allMatch(name -> {
            StreamingEventProcessor p = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            return !p.processingStatus().isEmpty() && p.processingStatus().values().stream()
                    .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
        }));
    }

    public static void rebuild(EventProcessingConfiguration processing, String name) {
        StreamingEventProcessor p = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
        p.shutDown();
        p.resetTokens();
        p.start();
    }

    static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }
}
