package dk.platform.ledger.openitem;

import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.OpenItemAllocated;
import dk.platform.ledger.api.event.OpenItemAllocationReleased;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.infra.axon.ViewBatch;
import dk.platform.ledger.infra.mongo.ViewCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Builds the open-item view by {@link OpenItemFold}, a batch of events at a time (DESIGN.md §13,
 * {@link ViewBatch}): the items the batch touches are read in one query, folded in memory, and
 * written back in one bulk write, with the parties' item lists in another. All events of an item
 * come from the item's own aggregate, so the aggregate sequence number orders them: an event at or
 * below {@code lastSequence} was already applied (a redelivery after a crash) and is skipped, and an
 * item that exists is not opened again. No transactions needed.
 * The Spring bean is the live projection and writes the generation readers use; a rebuild
 * makes another instance that writes a new generation beside it ({@link OpenItemViewAdmin}).
 */
@Component
@ProcessingGroup(OpenItemProjection.NAME)
class OpenItemProjection {

    static final String NAME = "open-items";
    static final String PARTIES = "open_items_by_party";

    private final MongoTemplate mongo;
    private final IntSupplier generation;
    private final ViewBatch<List<Change>> batches = new ViewBatch<>(ArrayList::new, this::write);

    @Autowired
    OpenItemProjection(MongoTemplate mongo, ViewCollections views) {
        this(mongo, () -> views.live(NAME));
    }

    OpenItemProjection(MongoTemplate mongo, IntSupplier generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    /** An event of the batch with its aggregate's sequence number. */
    private record Change(Object event, long sequence) {
    }

    @EventHandler
    void on(OpenItemRegistered e) {
        batches.add(batch -> batch.add(new Change(e, 0)));
    }

    /** Every event is added, also one that changes no item: the batch's last event writes the batch ({@link ViewBatch}). */
    @EventHandler
    void on(PaymentApplied e) {
        batches.add(batch -> batch.add(new Change(e, 0)));
    }

    @EventHandler
    void on(OpenItemAllocated e, @SequenceNumber long sequence) {
        batches.add(batch -> batch.add(new Change(e, sequence)));
    }

    @EventHandler
    void on(OpenItemAllocationReleased e, @SequenceNumber long sequence) {
        batches.add(batch -> batch.add(new Change(e, sequence)));
    }

    @EventHandler
    void on(EntryReversed e, @SequenceNumber long sequence) {
        batches.add(batch -> batch.add(new Change(e, sequence)));
    }

    private void write(List<Change> batch) {
        String items = in(OpenItemView.COLLECTION);
        Set<String> ids = new LinkedHashSet<>();
        for (Change c : batch) {
            OpenItemView opened = OpenItemFold.opened(c.event());
            String id = opened != null ? opened.openItemId : OpenItemFold.changed(c.event());
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return; // payments without an unapplied rest, reversals of plain entries
        }
        Map<String, OpenItemView> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), OpenItemView.class, items).forEach(v -> stored.put(v.openItemId, v));
        Map<String, OpenItemView> changed = new LinkedHashMap<>();
        Map<String, Set<String>> newPerParty = new LinkedHashMap<>();
        for (Change c : batch) {
            OpenItemView opened = OpenItemFold.opened(c.event());
            if (opened != null) {
                // a redelivered registration finds its item, which may have moved on since
                if (stored.putIfAbsent(opened.openItemId, opened) == null) {
                    changed.put(opened.openItemId, opened);
                }
                newPerParty.computeIfAbsent(opened.party, p -> new LinkedHashSet<>()).add(opened.openItemId);
                continue;
            }
            String id = OpenItemFold.changed(c.event());
            OpenItemView v = id == null ? null : stored.get(id);
            if (v != null && v.lastSequence < c.sequence()) {
                OpenItemFold.apply(v, c.event());
                v.lastSequence = c.sequence();
                changed.put(v.openItemId, v);
            }
        }
        if (!changed.isEmpty()) {
            BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, OpenItemView.class, items);
            changed.values().forEach(v -> writes.replaceOne(Query.query(Criteria.where("_id").is(v.openItemId)), v,
                    FindAndReplaceOptions.options().upsert()));
            writes.execute();
        }
        if (!newPerParty.isEmpty()) {
            BulkOperations parties = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, in(PARTIES));
            newPerParty.forEach((party, itemIds) -> parties.upsert(Query.query(Criteria.where("_id").is(party)),
                    new Update().addToSet("itemIds").each(itemIds.toArray())));
            parties.execute();
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(in(OpenItemView.COLLECTION));
        mongo.dropCollection(in(PARTIES));
    }

    private String in(String collection) {
        return ViewCollections.name(collection, generation.getAsInt());
    }
}
