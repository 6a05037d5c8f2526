package dk.platform.ledger.konto;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.event.AccountOpened;
import dk.platform.ledger.api.event.PostsEntry;
import dk.platform.ledger.infra.axon.ViewBatch;
import dk.platform.ledger.infra.mongo.ViewCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Builds the konto view from every event that posts lines, a batch of events at a time (the
 * processor's batch size, DESIGN.md §13): the handlers only collect ({@link ViewBatch}), and the
 * batch's last event writes it in four bulk writes whatever its size: the accounts opened, one update per
 * account-month touched (the bank's month once per batch, not once per entry: {@link KontoMonth}),
 * the postings ({@link KontoPosting}), and one {@code $set} of the touched months' totals per
 * account. Idempotent without transactions: a batch redelivered after a crash (its token is stored
 * after these writes) finds its postings' keys in their months' {@code recent} and does not count
 * them again, its postings are duplicate keys, and the summaries are set, not added to.
 * The Spring bean is the live projection and writes the generation readers use; a rebuild
 * makes another instance that writes a new generation beside it ({@link KontoViewAdmin}).
 */
@Component
@ProcessingGroup(KontoProjection.NAME)
class KontoProjection {

    static final String NAME = "konto";

    private final MongoTemplate mongo;
    private final IntSupplier generation;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();
    private final ViewBatch<Batch> batches = new ViewBatch<>(Batch::new, this::write);

    @Autowired
    KontoProjection(MongoTemplate mongo, ViewCollections views) {
        this(mongo, () -> views.live(NAME));
    }

    KontoProjection(MongoTemplate mongo, IntSupplier generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    /** What a batch of events adds to the view, written at the batch's end. */
    private static final class Batch {
        final Map<String, AccountOpened> opened = new LinkedHashMap<>();
        final List<Posted> posted = new ArrayList<>();
    }

    private record Posted(String eventId, PostsEntry entry) {
    }

    @EventHandler
    void on(AccountOpened e) {
        batches.add(batch -> batch.opened.putIfAbsent(e.number(), e));
    }

    @EventHandler
    void on(PostsEntry e, EventMessage<?> message) {
        batches.add(batch -> batch.posted.add(new Posted(message.getIdentifier(), e)));
    }

    /** One account-month as this batch leaves it. */
    private static final class Month {
        final String number;
        final String month;
        final Document before;
        long count;
        Money debit;
        Money credit;
        Money debitAdded = Money.ZERO;
        Money creditAdded = Money.ZERO;
        final List<String> counted = new ArrayList<>();
        int keys; // of this batch in this month, counted now or before (a redelivery)

        Month(String number, String month, Document before) {
            this.number = number;
            this.month = month;
            this.before = before;
            KontoMonth.Totals t = before == null ? new KontoMonth.Totals(0, Money.ZERO, Money.ZERO) : KontoMonth.Totals.of(before);
            this.count = t.count();
            this.debit = t.debit();
            this.credit = t.credit();
        }

        /** The posting number of {@code key}: its number when counted before (a redelivery), else the next one. */
        long count(String key, PostingLine line) {
            keys++;
            long earlier = before == null ? -1 : KontoMonth.numberOf(before, key);
            if (earlier >= 0) {
                return earlier;
            }
            counted.add(key);
            Money d = line.debit() == null ? Money.ZERO : line.debit();
            Money c = line.credit() == null ? Money.ZERO : line.credit();
            debit = debit.plus(d);
            credit = credit.plus(c);
            debitAdded = debitAdded.plus(d);
            creditAdded = creditAdded.plus(c);
            return ++count;
        }
    }

    void write(Batch batch) {
        writeAccounts(batch.opened.values());
        if (batch.posted.isEmpty()) {
            return;
        }
        MongoCollection<Document> monthsCollection = mongo.getCollection(in(KontoMonth.COLLECTION));
        Map<String, Month> months = readMonths(batch, monthsCollection);
        List<KontoPosting> postings = new ArrayList<>();
        for (Posted posted : batch.posted) {
            PostsEntry e = posted.entry();
            String month = e.postingDate().toString().substring(0, 7);
            List<PostingLine> lines = e.lines();
            for (int i = 0; i < lines.size(); i++) {
                PostingLine line = lines.get(i);
                String key = KontoPosting.key(posted.eventId(), i);
                KontoPosting p = new KontoPosting();
                p.id = key;
                p.slot = KontoPosting.slot(line.account(), month, months.get(KontoMonth.id(line.account(), month)).count(key, line));
                p.eventId = posted.eventId();
                p.line = i;
                p.number = line.account();
                p.month = month;
                p.entryId = e.postedEntryId();
                p.postingDate = e.postingDate();
                p.text = e.text();
                p.debit = line.debit();
                p.credit = line.credit();
                p.generatedBy = line.generatedBy();
                postings.add(p);
            }
        }
        writeMonths(months.values(), monthsCollection);
        insertPostings(postings);
        writeSummaries(months.values());
    }

    /** The account-months the batch touches, as stored before it: one query by {@code _id}. */
    private static Map<String, Month> readMonths(Batch batch, MongoCollection<Document> collection) {
        Map<String, Month> months = new LinkedHashMap<>();
        for (Posted posted : batch.posted) {
            String month = posted.entry().postingDate().toString().substring(0, 7);
            for (PostingLine line : posted.entry().lines()) {
                months.putIfAbsent(KontoMonth.id(line.account(), month), null);
            }
        }
        Map<String, Document> stored = new HashMap<>();
        collection.find(new Document("_id", new Document("$in", new ArrayList<>(months.keySet()))))
                .forEach(d -> stored.put(d.getString("_id"), d));
        months.replaceAll((id, none) -> {
            int bar = id.lastIndexOf('|');
            return new Month(id.substring(0, bar), id.substring(bar + 1), stored.get(id));
        });
        return months;
    }

    private void writeAccounts(Iterable<AccountOpened> opened) {
        List<WriteModel<Document>> inserts = new ArrayList<>();
        for (AccountOpened e : opened) {
            inserts.add(new UpdateOneModel<>(new Document("_id", e.number()), new Document("$setOnInsert",
                    new Document("name", e.name()).append("type", e.type().name()).append("months", new Document())),
                    new UpdateOptions().upsert(true)));
        }
        if (!inserts.isEmpty()) {
            mongo.getCollection(in(AccountSummary.COLLECTION)).bulkWrite(inserts, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * One update per account-month: what the batch counted in it, and the keys of those postings in
     * {@code recent}, which keeps at least all of this batch's keys in the month (those counted before
     * this batch's redelivery are the last ones already there), so a redelivery of this batch finds
     * every one of them. Found by {@code _id} alone (the Mongo-wire server serves nothing else by index);
     * read, then update, is safe because one processor, with one segment, writes a generation.
     */
    private static void writeMonths(Iterable<Month> months, MongoCollection<Document> collection) {
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (Month m : months) {
            if (m.counted.isEmpty()) {
                continue; // all redelivered
            }
            updates.add(new UpdateOneModel<>(new Document("_id", KontoMonth.id(m.number, m.month)),
                    new Document("$setOnInsert", new Document("number", m.number).append("month", m.month))
                            .append("$inc", new Document("count", (long) m.counted.size())
                                    .append("debit", KontoMonth.decimal(m.debitAdded)).append("credit", KontoMonth.decimal(m.creditAdded)))
                            .append("$push", new Document("recent", new Document("$each", m.counted)
                                    .append("$slice", -Math.max(KontoMonth.RECENT, m.keys)))),
                    new UpdateOptions().upsert(true)));
        }
        if (!updates.isEmpty()) {
            collection.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        }
    }

    /** Inserted once: a posting of a redelivered batch is a duplicate key, and only that is ignored. */
    private void insertPostings(List<KontoPosting> postings) {
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, KontoPosting.class, postingsCollection()).insert(postings).execute();
        } catch (BulkOperationException e) {
            if (!e.getErrors().stream().allMatch(error -> error.getCode() == 11000)) {
                throw e;
            }
        }
    }

    /** Per account one {@code $set} of the totals of every month the batch touched. */
    private void writeSummaries(Iterable<Month> months) {
        Map<String, Document> perAccount = new LinkedHashMap<>();
        for (Month m : months) {
            perAccount.computeIfAbsent(m.number, n -> new Document()).append("months." + m.month,
                    new Document("debit", m.debit.toString()).append("credit", m.credit.toString()));
        }
        List<WriteModel<Document>> updates = new ArrayList<>();
        perAccount.forEach((number, set) -> updates.add(new UpdateOneModel<>(new Document("_id", number), new Document("$set", set))));
        mongo.getCollection(in(AccountSummary.COLLECTION)).bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }

    private String postingsCollection() {
        String name = in(KontoPosting.COLLECTION);
        if (!indexed.contains(name)) {
            mongo.getCollection(name).createIndex(Indexes.ascending("slot"), new IndexOptions().unique(true));
            indexed.add(name);
        }
        return name;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(in(KontoMonth.COLLECTION));
        mongo.dropCollection(in(KontoPosting.COLLECTION));
        mongo.dropCollection(in(AccountSummary.COLLECTION));
        indexed.clear();
    }

    private String in(String collection) {
        return ViewCollections.name(collection, generation.getAsInt());
    }
}
