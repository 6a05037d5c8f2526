package dk.platform.ledger.konto;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.event.AccountOpened;
import dk.platform.ledger.api.event.PostsEntry;
import dk.platform.ledger.infra.mongo.ViewCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Builds the konto view from every event that posts lines, at a cost per event that does not
 * grow with the number of events: per line one atomic update of the account-month's totals
 * ({@link KontoMonth}) and one insert of the posting ({@link KontoPosting}); per account one
 * {@code $set} of that month's totals in the account summary. Idempotent without transactions:
 * a redelivered event finds its key in the month's {@code recent} and is not counted again, its
 * posting is a duplicate key, and the summary is set, not added to.
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

    @Autowired
    KontoProjection(MongoTemplate mongo, ViewCollections views) {
        this(mongo, () -> views.live(NAME));
    }

    KontoProjection(MongoTemplate mongo, IntSupplier generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    @EventHandler
    void on(AccountOpened e) {
        String accounts = in(AccountSummary.COLLECTION);
        if (mongo.findById(e.number(), AccountSummary.class, accounts) == null) {
            AccountSummary a = new AccountSummary();
            a.number = e.number();
            a.name = e.name();
            a.type = e.type();
            mongo.save(a, accounts);
        }
    }

    @EventHandler
    void on(PostsEntry e, EventMessage<?> message) {
        String month = e.postingDate().toString().substring(0, 7);
        List<PostingLine> lines = e.lines();
        MongoCollection<Document> months = mongo.getCollection(in(KontoMonth.COLLECTION));
        String postings = postingsCollection();
        Map<String, KontoMonth.Totals> touched = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            PostingLine line = lines.get(i);
            String key = KontoPosting.key(message.getIdentifier(), i);
            Document m = count(months, KontoMonth.id(line.account(), month), line, month, key);
            KontoPosting p = new KontoPosting();
            p.id = key;
            p.slot = KontoPosting.slot(line.account(), month, KontoMonth.numberOf(m, key));
            p.eventId = message.getIdentifier();
            p.line = i;
            p.number = line.account();
            p.month = month;
            p.entryId = e.postedEntryId();
            p.postingDate = e.postingDate();
            p.text = e.text();
            p.debit = line.debit();
            p.credit = line.credit();
            p.generatedBy = line.generatedBy();
            try {
                mongo.insert(p, postings);
            } catch (DuplicateKeyException redelivered) {
                // inserted before the redelivery: nothing to do
            }
            touched.put(line.account(), KontoMonth.Totals.of(m));
        }
        MongoCollection<Document> accounts = mongo.getCollection(in(AccountSummary.COLLECTION));
        touched.forEach((account, t) -> accounts.updateOne(new Document("_id", account), new Document("$set",
                new Document("months." + month, new Document("debit", t.debit().toString()).append("credit", t.credit().toString())))));
    }

    /**
     * Counts the posting {@code key} in its month unless it is counted already; answers the month as it is after.
     * Both calls find the month by {@code _id} alone: a filter with more fields is not served by an index on
     * the Mongo-wire server (it scans the collection). Read, then update, is safe because one processor, with
     * one segment, writes a generation.
     */
    private static Document count(MongoCollection<Document> months, String id, PostingLine line, String month, String key) {
        Document byId = new Document("_id", id);
        Document before = months.find(byId).first();
        if (before != null && KontoMonth.numberOf(before, key) >= 0) {
            return before; // a redelivery: counted the first time
        }
        Document update = new Document("$setOnInsert", new Document("number", line.account()).append("month", month))
                .append("$inc", new Document("count", 1L).append("debit", KontoMonth.decimal(line.debit()))
                        .append("credit", KontoMonth.decimal(line.credit())))
                .append("$push", new Document("recent", new Document("$each", List.of(key)).append("$slice", -KontoMonth.RECENT)));
        return months.findOneAndUpdate(byId, update, new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
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
