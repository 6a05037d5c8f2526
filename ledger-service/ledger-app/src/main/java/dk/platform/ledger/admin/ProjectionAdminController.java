package dk.platform.ledger.admin;

import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.infra.axon.AxonConfig;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The tracking processors and the views they build: where each stands against the event store,
 * a deterministic digest of each view (so a rebuilt view can be shown equal to the live one),
 * and a rebuild from the event store.
 */
@RestController
@Tag(name = "Admin", description = "Projections: position, lag, checksum and rebuild")
class ProjectionAdminController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdminController.class);

    /** The MongoDB collections each view processor builds, in digest order. */
    static final Map<String, List<String>> VIEWS = Map.of(
            "open-items", List.of("open_items", "open_items_by_party"),
            "konto", List.of("accounts", "account_months"),
            "debts", List.of("employee_debts", "debts_by_employee"));

    record ProjectionStatus(String name, boolean view, boolean running, boolean error, boolean replaying, Long position,
                            long headPosition, Long lag, int segments) {
    }

    record Checksum(String name, long documents, String checksum, Long position, Map<String, Long> collections) {
    }

    record RebuildStarted(String name, long headPosition, String status) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MongoTemplate mongo;
    private final JdbcTemplate jdbc;

    ProjectionAdminController(EventProcessingConfiguration processing, EventStore eventStore, MongoTemplate mongo, JdbcTemplate jdbc) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.mongo = mongo;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/admin/projections")
    @Operation(summary = "Each tracking processor with its position, the event store's head position, the lag in events and whether it is replaying")
    List<ProjectionStatus> projections() {
        long head = head();
        return AxonConfig.TRACKING_PROCESSORS.stream().map(name -> status(name, head)).toList();
    }

    @GetMapping("/api/admin/projections/{name}/checksum")
    @Operation(summary = "A deterministic SHA-256 digest of a view's documents (sorted by _id, canonical JSON without bookkeeping fields)",
            description = "Views: open-items, konto, debts. Equal checksums mean equal views; position is the processor's position when"
                    + " the digest was taken (the view may move on while it is read, so compare views that have caught up).")
    Checksum checksum(@PathVariable String name) {
        List<String> collections = collectionsOf(name);
        Long position = position(processor(name).processingStatus().values());
        ViewChecksum sum = new ViewChecksum();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String collection : collections) {
            long before = sum.documents();
            sum.collection(collection);
            for (Document d : mongo.getCollection(collection).find().sort(new Document("_id", 1))) {
                sum.document(d);
            }
            counts.put(collection, sum.documents() - before);
        }
        return new Checksum(name, sum.documents(), sum.hex(), position, counts);
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Resets a view and replays it from the event store; follow progress on GET /api/admin/projections",
            description = "The view is dropped and rebuilt in place, so it reads incomplete until the processor has caught up.")
    RebuildStarted rebuild(@PathVariable String name) {
        collectionsOf(name);
        StreamingEventProcessor p = processor(name);
        long head = head();
        log.info("Rebuilding view {} from the event store (head position {})", name, head);
        p.shutDown();
        p.resetTokens();
        p.start();
        return new RebuildStarted(name, head, "replaying");
    }

    private List<String> collectionsOf(String name) {
        List<String> collections = VIEWS.get(name);
        if (collections == null) {
            throw new LedgerException.NotFound("no view named '" + name + "' (views: " + String.join(", ", VIEWS.keySet().stream().sorted().toList()) + ")");
        }
        return collections;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new LedgerException.NotFound("no tracking processor named '" + name + "'"));
    }

    private ProjectionStatus status(String name, long head) {
        StreamingEventProcessor p = processor(name);
        Collection<EventTrackerStatus> segments = p.processingStatus().values();
        Long position = position(segments);
        Long lag = position == null ? null : position >= head ? 0L
                : jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE globalIndex > ?", Long.class, position);
        return new ProjectionStatus(name, VIEWS.containsKey(name), p.isRunning(), p.isError(),
                segments.stream().anyMatch(EventTrackerStatus::isReplaying), position, head, lag, segments.size());
    }

    /** The lowest position over the processor's segments: every event up to it is in the view; null when no segment is claimed here. */
    private static Long position(Collection<EventTrackerStatus> segments) {
        if (segments.isEmpty()) {
            return null;
        }
        long min = Long.MAX_VALUE;
        for (EventTrackerStatus s : segments) {
            min = Math.min(min, s.getCurrentPosition().orElse(-1));
        }
        return min;
    }

    private long head() {
        TrackingToken token = eventStore.createHeadToken();
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }
}
