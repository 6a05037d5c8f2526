package dk.platform.payroll.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import dk.platform.support.JsonDocuments;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.inc;

/**
 * The payroll setup in MongoDB: every kind of setup object ({@link SetupKind}) with its history.
 * Each feature reads and writes its own objects through it ({@code chart.Charts},
 * {@code employer.Employers}, {@code wagetype.WageTypes}); this class knows documents, not charts.
 *
 * <p>Every change takes the next global setup revision (a counter document, {@code $inc}), then
 * appends a history document ({@code _id} = revision, with the full object after the change),
 * and only then writes the current document. Without transactions a crash between the two
 * leaves a history entry whose change never became current; the opposite (a current state
 * the history does not explain) cannot happen. A current document carries its own revision, and
 * is replaced only if that revision is still the one the change was based on: a concurrent
 * change loses with a 409 and its history entry is removed again, so the revision numbers can
 * have gaps. Current documents also list the revisions that wrote them, so "chart A1 as of
 * revision N" is two look-ups by {@code _id}.
 *
 * <p>Every read is by {@code _id} (the Mongo-wire server has no secondary indexes); listing an
 * employer's employees is an {@code _id} range ({@code employerId/...}).
 */
@Component
public class SetupStore {

    /** The expected revision of an object that must not exist yet. */
    public static final long NEW = -1;
    /** Any current revision will do (last writer wins). */
    public static final long ANY = -2;

    private static final String COUNTERS = "payroll_setup_counters";
    private static final String HISTORY = "payroll_setup_history";
    private static final String COUNTER_ID = "setup";
    private static final int CHUNK = 1000;

    private final MongoTemplate mongo;
    private final JsonDocuments documents;
    private final ObjectMapper json;

    public SetupStore(MongoTemplate mongo, JsonDocuments documents, ObjectMapper json) {
        this.mongo = mongo;
        this.documents = documents;
        this.json = json;
    }

    // ------------------------------------------------------------------ reads

    /** The current global setup revision: 0 before any change, one more with every change. */
    public long revision() {
        Document counter = mongo.getCollection(COUNTERS).find(eq("_id", COUNTER_ID)).first();
        return counter == null ? 0 : ((Number) counter.get("value")).longValue();
    }

    /** The current object of a kind by its {@code _id}. */
    public <T> Optional<T> find(SetupKind kind, String id, Class<T> type) {
        return Optional.ofNullable(collection(kind).find(eq("_id", id)).first()).map(d -> documents.fromDocument(d, type));
    }

    /** Every current object of a kind, in the given order. */
    public <T> List<T> all(SetupKind kind, Class<T> type, Comparator<T> order) {
        List<T> values = new ArrayList<>();
        collection(kind).find().forEach(d -> values.add(documents.fromDocument(d, type)));
        values.sort(order);
        return values;
    }

    /** The current objects whose {@code _id} starts with {@code prefix + "/"} (an {@code _id} range, no index needed). */
    public <T> List<T> under(SetupKind kind, String prefix, Class<T> type) {
        List<T> values = new ArrayList<>();
        collection(kind).find(and(gte("_id", prefix + "/"), lt("_id", prefix + "0")))
                .forEach(d -> values.add(documents.fromDocument(d, type)));
        return values;
    }

    /** History entries from a revision on, oldest first. */
    public List<HistoryEntry> history(long from, int limit) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (Document d : mongo.getCollection(HISTORY).find(gte("_id", from)).sort(Sorts.ascending("_id")).limit(limit)) {
            entries.add(entry(d));
        }
        return entries;
    }

    /** An object as it was at a setup revision (its last change at or before it), from the history. */
    public <T> Optional<T> at(SetupKind kind, String id, long revision, Class<T> type) {
        Document current = collection(kind).find(eq("_id", id)).first();
        if (current == null) {
            return Optional.empty();
        }
        Optional<Long> last = revisionsOf(current).stream().filter(r -> r <= revision).max(Long::compare);
        return last.map(r -> mongo.getCollection(HISTORY).find(eq("_id", r)).first())
                .map(h -> documents.fromDocument(h.get("after", Document.class), type));
    }

    // ------------------------------------------------------------------ writes

    /**
     * One change to one object: its {@code _id}, the revision the change was based on
     * ({@link #NEW}, {@link #ANY} or the object's revision as read), the history action, and the
     * object after the change given the setup revision the change gets.
     */
    public record Change<T>(String id, long expectedRevision, String action, LongFunction<T> valueAt) {
    }

    public <T> T save(SetupKind kind, String by, Change<T> change) {
        return saveAll(kind, by, List.of(change)).get(0);
    }

    /** Saves many changes of one kind (distinct ids), a thousand per round trip; answers the stored objects. */
    public <T> List<T> saveAll(SetupKind kind, String by, List<Change<T>> changes) {
        List<T> saved = new ArrayList<>(changes.size());
        for (int start = 0; start < changes.size(); start += CHUNK) {
            saved.addAll(saveChunk(kind, by, changes.subList(start, Math.min(changes.size(), start + CHUNK)), start));
        }
        return saved;
    }

    private <T> List<T> saveChunk(SetupKind kind, String by, List<Change<T>> changes, int alreadySaved) {
        MongoCollection<Document> current = collection(kind);
        Map<String, Document> existing = new HashMap<>();
        current.find(in("_id", changes.stream().map(Change::id).toList())).forEach(d -> existing.put((String) d.get("_id"), d));
        for (Change<T> change : changes) {
            long now = existing.containsKey(change.id()) ? revisionOf(existing.get(change.id())) : NEW;
            if (change.expectedRevision() != ANY && change.expectedRevision() != now) {
                throw SetupException.concurrent(kind.key() + " " + change.id() + " was changed by someone else meanwhile"
                        + (now == NEW ? " (it no longer exists)" : " (now at revision " + now + ")")
                        + "; read it again and repeat the change" + stored(alreadySaved));
            }
        }
        long first = reserve(changes.size()) - changes.size() + 1;
        Instant at = Instant.now();
        List<T> values = new ArrayList<>();
        List<Document> history = new ArrayList<>();
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change<T> change = changes.get(i);
            long revision = first + i;
            T value = change.valueAt().apply(revision);
            values.add(value);
            history.add(new Document("_id", revision).append("revision", revision).append("at", Date.from(at))
                    .append("by", by).append("kind", kind.key()).append("key", change.id()).append("action", change.action())
                    .append("after", body(value)));
            Document before = existing.get(change.id());
            List<Long> revisions = before == null ? new ArrayList<>() : new ArrayList<>(revisionsOf(before));
            revisions.add(revision);
            Document document = documents.toDocument(change.id(), value).append("revision", revision).append("revisions", revisions);
            writes.add(before == null ? new InsertOneModel<>(document)
                    : new ReplaceOneModel<>(and(eq("_id", change.id()), eq("revision", revisionOf(before))), document));
        }
        mongo.getCollection(HISTORY).insertMany(history);
        try {
            current.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoException e) {
            // a duplicate key or a lost race: which changes did not land is checked below
        }
        verify(kind, changes, first, alreadySaved);
        return values;
    }

    /** Every change of a chunk must now be current; the history entries of those that lost a race are removed. */
    private <T> void verify(SetupKind kind, List<Change<T>> changes, long first, int alreadySaved) {
        Map<String, Long> now = new HashMap<>();
        collection(kind).find(in("_id", changes.stream().map(Change::id).toList()))
                .forEach(d -> now.put((String) d.get("_id"), revisionOf(d)));
        List<Long> lost = new ArrayList<>();
        List<String> lostIds = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (!Long.valueOf(first + i).equals(now.get(changes.get(i).id()))) {
                lost.add(first + i);
                lostIds.add(changes.get(i).id());
            }
        }
        if (!lost.isEmpty()) {
            mongo.getCollection(HISTORY).deleteMany(in("_id", lost));
            throw SetupException.concurrent("changed by someone else at the same time, not stored: " + kind.key() + " "
                    + String.join(", ", lostIds.subList(0, Math.min(10, lostIds.size())))
                    + (lostIds.size() > 10 ? " and " + (lostIds.size() - 10) + " more" : "")
                    + "; read again and repeat" + stored(alreadySaved + changes.size() - lost.size()));
        }
    }

    private static String stored(int count) {
        return count == 0 ? "" : " (" + count + " earlier changes of this request were stored)";
    }

    private long reserve(int count) {
        Document counter = mongo.getCollection(COUNTERS).findOneAndUpdate(eq("_id", COUNTER_ID), inc("value", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("value")).longValue();
    }

    // ------------------------------------------------------------------ documents

    private Document body(Object value) {
        Document document = documents.toDocument("", value);
        document.remove("_id");
        return document;
    }

    private HistoryEntry entry(Document d) {
        try {
            return new HistoryEntry(((Number) d.get("revision")).longValue(), d.getDate("at").toInstant(), d.getString("by"),
                    d.getString("kind"), d.getString("key"), d.getString("action"),
                    json.readTree(d.get("after", Document.class).toJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read setup history entry " + d.get("_id"), e);
        }
    }

    private static long revisionOf(Document d) {
        return d.get("revision") instanceof Number n ? n.longValue() : 0;
    }

    private static List<Long> revisionsOf(Document d) {
        List<?> revisions = d.get("revisions", List.class);
        return revisions == null ? List.of() : revisions.stream().map(r -> ((Number) r).longValue()).toList();
    }

    private MongoCollection<Document> collection(SetupKind kind) {
        return mongo.getCollection(kind.collection());
    }
}
