package dk.platform.ledger.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
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

    /**
     * Rebuilds views through the admin endpoint (into new collections, beside the live ones) and waits until each has
     * switched its readers to the new generation; answers the rebuild's last progress per view.
     */
    public static Map<String, JsonNode> rebuildAndSwitch(Api api, List<String> views, int maxEventsPerSecond) {
        Map<String, Integer> generations = new HashMap<>();
        for (String view : views) {
            Api.Response r = api.post("/api/admin/projections/" + view + "/rebuild?maxEventsPerSecond=" + maxEventsPerSecond, null);
            assertThat(r.status()).as("rebuild of %s: %s", view, r).isEqualTo(202);
            assertThat(r.body().get("state").asText()).isEqualTo("REBUILDING");
            generations.put(view, r.body().get("generation").asInt());
        }
        return awaitSwitched(api, generations, Duration.ofSeconds(120));
    }

    /** Waits until each view's readers use the given generation and its rebuild says SWITCHED; answers the rebuilds' progress. */
    public static Map<String, JsonNode> awaitSwitched(Api api, Map<String, Integer> generations, Duration atMost) {
        Map<String, JsonNode> switched = new HashMap<>();
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode p : api.get("/api/admin/projections").body()) {
                String name = p.get("name").asText();
                JsonNode rebuild = p.path("rebuild");
                if (generations.containsKey(name) && p.path("generation").asInt() == generations.get(name)
                        && "SWITCHED".equals(rebuild.path("state").asText()) && rebuild.path("generation").asInt() == generations.get(name)) {
                    switched.put(name, rebuild);
                }
            }
            return switched.keySet().containsAll(generations.keySet());
        });
        return switched;
    }

    /** GET /api/admin/projections/{view}/verification, insisting that every invariant holds. */
    public static JsonNode verification(Api api, String view) {
        Api.Response r = api.get("/api/admin/projections/" + view + "/verification");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().get("holds").asBoolean()).as("verification of %s: %s", view, r.body().toPrettyString()).isTrue();
        assertThat(r.body().get("invariants")).as("invariants of %s", view).isNotEmpty();
        return r.body();
    }

    static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }
}
