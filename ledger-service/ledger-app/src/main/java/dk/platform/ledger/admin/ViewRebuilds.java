package dk.platform.ledger.admin;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.infra.mongo.ViewCollections;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Rebuilds a view into new collections beside the live ones, then switches the readers over.
 * <ol>
 * <li><b>Start.</b> The view's document in {@code view_generations} records {@code rebuild = {generation N, REBUILDING}}.
 *     A tracking processor of its own, {@code <view>@N} with its own token in the token store, replays the event
 *     store from the start into the generation-N collections. The live processor ({@code <view>}) goes on writing
 *     the live generation, which the readers keep reading: complete and current all along.</li>
 * <li><b>Progress.</b> Every second the rebuild's position is set against the head of the event store (events done,
 *     total, rate, ETA, on {@code GET /api/admin/projections}); every 5 seconds it is logged.</li>
 * <li><b>Switch</b>, once the rebuild has reached the head: the live processor is stopped (its view stands still and
 *     stays readable); the rebuild catches up with the head as it is then, which is at or past the live processor's
 *     last event; the rebuild is stopped; {@code live = N} is written (one document update: readers see the old
 *     generation or the new one); the rebuild's token becomes the live processor's token, and the live processor is
 *     started again, now writing generation N from where the rebuild stopped. The old collections are dropped a few
 *     seconds later, once no reader can still be in them.</li>
 * <li><b>Restart.</b> A rebuild that the document says is REBUILDING is registered again at start-up and continues
 *     from its token. A crash between {@code live = N} and the token hand-over leaves the live processor behind the
 *     rebuild; it then applies those events to generation N a second time, which the idempotent handlers absorb.</li>
 * </ol>
 * The view processors run on one instance (one token segment each); the rebuild is driven by the instance that holds
 * the live processor, so run one instance during a rebuild.
 */
@Component
class ViewRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuilds.class);
    private static final String REBUILDING = "REBUILDING";
    private static final String SWITCHED = "SWITCHED";
    private static final int BATCH_SIZE = 500; // the konto view writes each batch in a few bulk writes (KontoProjection)
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final Duration DROP_OLD_AFTER = Duration.ofSeconds(5);

    /** Where a rebuild stands; the numbers are global positions in the event store (events, less the gaps of failed transactions). */
    record Progress(int generation, String state, Long done, Long total, Double eventsPerSecond, Long etaSeconds, Instant startedAt,
                    Instant switchedAt, Long resumedFrom, Integer maxEventsPerSecond) {
    }

    /** A rebuild running in this process. */
    private static final class Rebuild {
        final RebuildableView view;
        final int generation;
        final Instant startedAt;
        final int maxEventsPerSecond;
        final boolean resumed;
        final long launchedNanos = System.nanoTime();
        final Deque<long[]> samples = new ArrayDeque<>(); // {nanoTime, position}, the last few seconds
        TrackingEventProcessor processor;
        volatile Long firstHandled; // the position of the first event handled in this process
        long loggedNanos = System.nanoTime();

        Rebuild(RebuildableView view, int generation, Instant startedAt, int maxEventsPerSecond, boolean resumed) {
            this.view = view;
            this.generation = generation;
            this.startedAt = startedAt;
            this.maxEventsPerSecond = maxEventsPerSecond;
            this.resumed = resumed;
        }

        /** Events per second over the last samples (up to 10 s). */
        synchronized Double rate() {
            if (samples.size() < 2) {
                return null;
            }
            long[] first = samples.peekFirst();
            long[] last = samples.peekLast();
            return (last[1] - first[1]) * 1e9 / Math.max(1, last[0] - first[0]);
        }

        synchronized void sample(Long position) {
            if (position == null) {
                return;
            }
            long now = System.nanoTime();
            samples.addLast(new long[]{now, position});
            while (samples.size() > 2 && now - samples.peekFirst()[0] > TimeUnit.SECONDS.toNanos(10)) {
                samples.removeFirst();
            }
        }

        /** Events per second since this process launched the rebuild. */
        double averageRate(long position) {
            long from = resumed && firstHandled != null ? firstHandled - 1 : 0;
            return (position - from) * 1e9 / Math.max(1, System.nanoTime() - launchedNanos);
        }
    }

    private final Map<String, RebuildableView> views = new LinkedHashMap<>();
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final MongoTemplate mongo;
    private final ViewCollections collections;
    private final Map<String, Rebuild> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "view-rebuilds");
        t.setDaemon(true);
        return t;
    });

    ViewRebuilds(List<RebuildableView> views, EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                 MongoTemplate mongo, ViewCollections collections) {
        views.forEach(v -> this.views.put(v.name(), v));
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.mongo = mongo;
        this.collections = collections;
        monitor.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts a rebuild of the view into a new generation; {@code maxEventsPerSecond} 0 means as fast as it goes. */
    synchronized Progress start(String name, int maxEventsPerSecond) {
        RebuildableView view = view(name);
        Rebuild current = running.get(name);
        if (current != null) {
            throw new LedgerException.Conflict("view " + InputRules.quote(name) + " is already being rebuilt into generation " + current.generation
                    + " (started " + current.startedAt + "); follow it on GET /api/admin/projections");
        }
        dropRetired(name); // a generation the last switch left: from now on the next switch retires another one
        Document doc = document(name);
        Document last = doc == null ? null : doc.get("rebuild", Document.class);
        int live = doc == null ? 0 : doc.getInteger("live", 0);
        int generation = Math.max(live, last == null ? 0 : last.getInteger("generation")) + 1;
        view.collections().forEach(c -> mongo.dropCollection(ViewCollections.name(c, generation)));
        Instant now = Instant.now();
        mongo.upsert(byView(name), new Update().set("rebuild", new Document("generation", generation).append("state", REBUILDING)
                .append("startedAt", Date.from(now)).append("maxEventsPerSecond", maxEventsPerSecond)), ViewCollections.GENERATIONS);
        long head = head();
        log.info("Rebuilding view {} into generation {} beside the live generation {}: the event store's head is at {}{}", name, generation,
                live, head, maxEventsPerSecond > 0 ? ", at most " + maxEventsPerSecond + " events/s" : "");
        return progress(launch(view, generation, now, maxEventsPerSecond, false), head);
    }

    /** The latest rebuild of a view: the one running here, or what the view's document recorded. */
    Optional<Progress> progress(String name) {
        Rebuild r = running.get(name);
        if (r != null) {
            return Optional.of(progress(r, head()));
        }
        Document doc = document(name);
        Document last = doc == null ? null : doc.get("rebuild", Document.class);
        if (last == null) {
            return Optional.empty();
        }
        Date switchedAt = last.getDate("switchedAt");
        Number rate = last.get("eventsPerSecond", Number.class);
        return Optional.of(new Progress(last.getInteger("generation"), last.getString("state"), last.getLong("position"),
                last.getLong("position"), rate == null ? null : rate.doubleValue(), null, last.getDate("startedAt").toInstant(),
                switchedAt == null ? null : switchedAt.toInstant(), last.getLong("resumedFrom"), maxRate(last)));
    }

    /** At start-up: drop what a switch left behind, and carry on with interrupted rebuilds from their tokens. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void resumeInterruptedRebuilds() {
        for (RebuildableView view : views.values()) {
            Document doc = document(view.name());
            if (doc == null) {
                continue;
            }
            dropRetired(view.name());
            Document last = doc.get("rebuild", Document.class);
            if (last != null && REBUILDING.equals(last.getString("state")) && !running.containsKey(view.name())) {
                int generation = last.getInteger("generation");
                log.info("Resuming the rebuild of view {} into generation {} from its token (processor {})", view.name(), generation,
                        processorName(view.name(), generation));
                launch(view, generation, last.getDate("startedAt").toInstant(), maxRate(last) == null ? 0 : maxRate(last), true);
            }
        }
    }

    @PreDestroy
    void stop() {
        monitor.shutdownNow();
        running.values().forEach(r -> r.processor.shutDown());
    }

    private Rebuild launch(RebuildableView view, int generation, Instant startedAt, int maxEventsPerSecond, boolean resumed) {
        Rebuild r = new Rebuild(view, generation, startedAt, maxEventsPerSecond, resumed);
        r.processor = TrackingEventProcessor.builder()
                .name(processorName(view.name(), generation))
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(view.projectionInto(generation))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                // as for the live processors (AxonConfig): the token is stored after the handlers have run
                .transactionManager(NoTransactionManager.instance())
                .storingTokensAfterProcessing()
                // a throttled rebuild takes a tenth of a second's events per batch, so its progress moves as it goes
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(maxEventsPerSecond > 0 ? Math.max(1, Math.min(maxEventsPerSecond / 10, BATCH_SIZE)) : BATCH_SIZE))
                .build();
        long pause = maxEventsPerSecond > 0 ? TimeUnit.SECONDS.toNanos(1) / maxEventsPerSecond : 0;
        r.processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (r.firstHandled == null && unitOfWork.getMessage() instanceof TrackedEventMessage<?> m) {
                r.firstHandled = m.trackingToken().position().orElse(0);
            }
            if (pause > 0) {
                LockSupport.parkNanos(pause);
            }
            return chain.proceed();
        });
        running.put(view.name(), r);
        r.processor.start();
        return r;
    }

    private void tick() {
        if (running.isEmpty()) {
            return;
        }
        try {
            long head = head();
            for (Rebuild r : running.values()) {
                Long position = position(r.processor);
                r.sample(position);
                if (System.nanoTime() - r.loggedNanos >= LOG_EVERY.toNanos()) {
                    r.loggedNanos = System.nanoTime();
                    Progress p = progress(r, head);
                    log.info("Rebuilding view {} into generation {}: {} of {} events, {} events/s, ETA {} s{}", r.view.name(), r.generation,
                            p.done(), p.total(), p.eventsPerSecond(), p.etaSeconds(), r.processor.isError() ? " (retrying after an error)" : "");
                }
                if (caughtUp(position, head)) {
                    switchOver(r);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Checking the view rebuilds failed; trying again in a second", e);
        }
    }

    private synchronized void switchOver(Rebuild r) {
        String name = r.view.name();
        StreamingEventProcessor live = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
        live.shutDown();
        try {
            // Nothing reaches the old generation any more; the rebuild goes at least as far as the live view went.
            long head = head();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!caughtUp(position(r.processor), head)) {
                if (System.nanoTime() > deadline) {
                    log.warn("The rebuild of view {} did not reach position {} within 10 s; the live view carries on, switching later", name, head);
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            r.processor.shutDown();
            String rebuildProcessor = processorName(name, r.generation);
            TrackingToken token = tokenStore.fetchToken(rebuildProcessor, 0);
            long position = token == null ? -1 : token.position().orElse(-1);
            Document doc = document(name);
            int old = doc == null ? 0 : doc.getInteger("live", 0);
            Instant switchedAt = Instant.now();
            double rate = r.averageRate(position);
            mongo.updateFirst(byView(name), new Update().set("live", r.generation).set("retired", old)
                    .set("rebuild.state", SWITCHED).set("rebuild.switchedAt", Date.from(switchedAt)).set("rebuild.position", position)
                    .set("rebuild.eventsPerSecond", Math.round(rate * 10) / 10.0)
                    .set("rebuild.resumedFrom", r.resumed ? r.firstHandled : null), ViewCollections.GENERATIONS);
            collections.switched(name, r.generation);
            running.remove(name);
            if (token != null) {
                for (int segment : tokenStore.fetchSegments(name)) {
                    tokenStore.fetchToken(name, segment);
                    tokenStore.storeToken(token, name, segment);
                    tokenStore.releaseClaim(name, segment);
                }
            }
            tokenStore.deleteToken(rebuildProcessor, 0);
            monitor.schedule(() -> dropRetired(name), DROP_OLD_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            log.info("View {} switched from generation {} to generation {} at position {}: rebuilt in {} s at {} events/s;"
                            + " the live processor carries on from there, generation {} is dropped in {} s", name, old, r.generation, position,
                    Duration.between(r.startedAt, switchedAt).toSeconds(), Math.round(rate), old, DROP_OLD_AFTER.toSeconds());
        } finally {
            live.start();
        }
    }

    private synchronized void dropRetired(String name) {
        Document doc = document(name);
        Integer retired = doc == null ? null : doc.getInteger("retired");
        if (retired != null && retired != doc.getInteger("live", 0)) {
            views.get(name).collections().forEach(c -> mongo.dropCollection(ViewCollections.name(c, retired)));
            log.info("Dropped generation {} of view {}", retired, name);
        }
        if (retired != null) {
            mongo.updateFirst(byView(name), new Update().unset("retired"), ViewCollections.GENERATIONS);
        }
    }

    private Progress progress(Rebuild r, long head) {
        Long position = position(r.processor);
        Double rate = r.rate();
        Long eta = position == null || rate == null || rate <= 0 ? null : Math.round(Math.max(0, head - position) / rate);
        return new Progress(r.generation, REBUILDING, position, head, rate == null ? null : Math.round(rate * 10) / 10.0, eta, r.startedAt,
                null, r.resumed ? r.firstHandled : null, r.maxEventsPerSecond > 0 ? r.maxEventsPerSecond : null);
    }

    RebuildableView view(String name) {
        RebuildableView view = views.get(name);
        if (view == null) {
            throw new LedgerException.NotFound("no view named " + InputRules.quote(name) + " (views: " + String.join(", ", views.keySet().stream().sorted().toList()) + ")");
        }
        return view;
    }

    Map<String, RebuildableView> views() {
        return views;
    }

    static String processorName(String view, int generation) {
        return view + "@" + generation;
    }

    private static boolean caughtUp(Long position, long head) {
        return head < 0 || position != null && position >= head;
    }

    private static Integer maxRate(Document rebuild) {
        Integer max = rebuild.getInteger("maxEventsPerSecond");
        return max == null || max == 0 ? null : max;
    }

    private Document document(String name) {
        return mongo.findById(name, Document.class, ViewCollections.GENERATIONS);
    }

    private static Query byView(String name) {
        return Query.query(Criteria.where("_id").is(name));
    }

    /** The lowest position over the processor's segments; null while it has claimed none. */
    static Long position(StreamingEventProcessor p) {
        var segments = p.processingStatus().values();
        if (segments.isEmpty()) {
            return null;
        }
        return segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    long head() {
        TrackingToken token = eventStore.createHeadToken();
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }
}
