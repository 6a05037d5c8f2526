package dk.platform.ledger.admin;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.infra.axon.AxonConfig;
import dk.platform.ledger.infra.mongo.ViewCollections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tracking processors and the views they build: where each stands against the event store,
 * a deterministic digest of each view and a check of SPEC §1.8 on it (so a rebuilt view can be
 * shown equal to the live one, and sound), and a rebuild into new collections ({@link ViewRebuilds}).
 */
@RestController
@Tag(name = "Admin", description = "Projections: position, lag, checksum, verification and rebuild")
class ProjectionAdminController {

    record ProjectionStatus(String name, boolean view, boolean running, boolean error, boolean replaying, Long position,
                            long headPosition, Long lag, int segments, Integer generation, ViewRebuilds.Progress rebuild) {
    }

    record Checksum(String name, int generation, long documents, String checksum, Long position, Map<String, Long> collections) {
    }

    record Verification(String name, int generation, String checksum, long documents, boolean holds,
                        List<RebuildableView.Invariant> invariants, Map<String, Long> positions) {
    }

    private final EventProcessingConfiguration processing;
    private final ViewRebuilds rebuilds;
    private final ViewCollections collections;
    private final MongoTemplate mongo;
    private final JdbcTemplate jdbc;

    ProjectionAdminController(EventProcessingConfiguration processing, ViewRebuilds rebuilds, ViewCollections collections,
                              MongoTemplate mongo, JdbcTemplate jdbc) {
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.collections = collections;
        this.mongo = mongo;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/admin/projections")
    @Operation(summary = "Each tracking processor with its position, the event store's head position, the lag in events and whether it is"
            + " replaying; for a view, the generation readers use and its latest rebuild (events done, total, events/s, ETA, state)")
    List<ProjectionStatus> projections() {
        long head = rebuilds.head();
        return AxonConfig.TRACKING_PROCESSORS.stream().map(name -> status(name, head)).toList();
    }

    @GetMapping("/api/admin/projections/{name}/checksum")
    @Operation(summary = "A deterministic SHA-256 digest of a view's documents (sorted by _id, canonical JSON without bookkeeping fields)",
            description = "Views: open-items, konto, debts. Equal checksums mean equal views, whatever generation holds them; position is"
                    + " the processor's position when the digest was taken (the view may move on while it is read, so compare views"
                    + " that have caught up).")
    Checksum checksum(@PathVariable String name) {
        RebuildableView view = rebuilds.view(name);
        return checksum(view, collections.live(name));
    }

    @GetMapping("/api/admin/projections/{name}/verification")
    @Operation(summary = "The view's checksum and the SPEC §1.8 invariants (§5 for debts) checked on its documents: {checksum, invariants, holds}",
            description = "Checks that compare two views (a control account's balance in konto against its open items; 61.50 against the"
                    + " debts) are read again, up to 2 s, until every view processor stands at one position while they are read.")
    Verification verification(@PathVariable String name) {
        RebuildableView view = rebuilds.view(name);
        int generation = collections.live(name);
        Checksum sum = checksum(view, generation);
        List<RebuildableView.Invariant> invariants;
        Map<String, Long> positions;
        int attempt = 0;
        while (true) {
            Map<String, Long> before = viewPositions();
            invariants = view.invariants(generation);
            positions = viewPositions();
            boolean stillAndLevel = before.equals(positions) && new HashSet<>(positions.values()).size() == 1;
            if (stillAndLevel || invariants.stream().allMatch(RebuildableView.Invariant::holds) || ++attempt == 20) {
                break;
            }
            sleep(100);
        }
        return new Verification(name, generation, sum.checksum(), sum.documents(),
                invariants.stream().allMatch(RebuildableView.Invariant::holds), invariants, positions);
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuilds a view from the event store into new collections, then switches readers to them; follow it on GET"
            + " /api/admin/projections",
            description = "The live view stays complete, current and readable until the switch. maxEventsPerSecond (optional) throttles"
                    + " the replay. 409 while the view is being rebuilt.")
    ViewRebuilds.Progress rebuild(@PathVariable String name, @RequestParam(defaultValue = "0") int maxEventsPerSecond) {
        if (maxEventsPerSecond < 0) {
            throw new LedgerException.Invalid("maxEventsPerSecond must be 0 (no limit) or more, not " + maxEventsPerSecond);
        }
        return rebuilds.start(name, maxEventsPerSecond);
    }

    private Checksum checksum(RebuildableView view, int generation) {
        Long position = ViewRebuilds.position(processor(view.name()));
        ViewChecksum sum = new ViewChecksum();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String collection : view.collections()) {
            long before = sum.documents();
            sum.collection(collection); // the generation-0 name: the digest is of the content, not of where it lives
            for (Document d : mongo.getCollection(ViewCollections.name(collection, generation)).find().sort(new Document("_id", 1))) {
                sum.document(d);
            }
            counts.put(collection, sum.documents() - before);
        }
        return new Checksum(view.name(), generation, sum.documents(), sum.hex(), position, counts);
    }

    private Map<String, Long> viewPositions() {
        Map<String, Long> positions = new TreeMap<>();
        rebuilds.views().keySet().forEach(name -> positions.put(name, ViewRebuilds.position(processor(name))));
        return positions;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new LedgerException.NotFound("no tracking processor named " + InputRules.quote(name)));
    }

    private ProjectionStatus status(String name, long head) {
        StreamingEventProcessor p = processor(name);
        Collection<EventTrackerStatus> segments = p.processingStatus().values();
        Long position = ViewRebuilds.position(p);
        Long lag = position == null ? null : position >= head ? 0L
                : jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE globalIndex > ?", Long.class, position);
        boolean view = rebuilds.views().containsKey(name);
        return new ProjectionStatus(name, view, p.isRunning(), p.isError(),
                segments.stream().anyMatch(EventTrackerStatus::isReplaying), position, head, lag, segments.size(),
                view ? collections.live(name) : null, view ? rebuilds.progress(name).orElse(null) : null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
