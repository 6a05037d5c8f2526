package dk.platform.ledger.infra.mongo;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which generation of each view the queries read and the live processors write. A view's
 * collections carry its generation: {@code accounts} is generation 0, {@code accounts_g3} is
 * generation 3. A rebuild fills a new generation beside the live one and then switches by
 * changing one field, {@code live}, of the view's document in {@code view_generations}: a reader
 * sees the old generation or the new one, never a mix or a half-built view. The document is read
 * again at most once a second; the instance that switches updates its copy at once.
 */
@Component
public class ViewCollections {

    public static final String GENERATIONS = "view_generations";
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private record Cached(int generation, long readAt) {
    }

    private final MongoTemplate mongo;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ViewCollections(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The collection of a view in one generation. */
    public static String name(String collection, int generation) {
        return generation == 0 ? collection : collection + "_g" + generation;
    }

    /** The generation readers use now. */
    public int live(String view) {
        Cached c = cache.get(view);
        long now = System.nanoTime();
        if (c == null || now - c.readAt() > FRESH_NANOS) {
            Document d = mongo.findById(view, Document.class, GENERATIONS);
            c = new Cached(d == null ? 0 : d.getInteger("live", 0), now);
            cache.put(view, c);
        }
        return c.generation();
    }

    /** A collection of the view as readers see it now: resolve once per request, so one answer reads one generation. */
    public String current(String view, String collection) {
        return name(collection, live(view));
    }

    /** Called by the instance that has just written {@code live = generation} to the view's document. */
    public void switched(String view, int generation) {
        cache.put(view, new Cached(generation, System.nanoTime()));
    }
}
