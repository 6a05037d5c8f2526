package dk.platform.ledger.openitem;

import dk.platform.ledger.api.AllocationReason;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.OpenItemAllocated;
import dk.platform.ledger.api.event.OpenItemAllocationReleased;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.infra.mongo.ViewCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Builds the open-item view. All events of an item come from the item's own aggregate, so the
 * aggregate sequence number orders them: an event at or below {@code lastSequence} was already
 * applied (a redelivery after a crash) and is skipped. No transactions needed.
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

    @Autowired
    OpenItemProjection(MongoTemplate mongo, ViewCollections views) {
        this(mongo, () -> views.live(NAME));
    }

    OpenItemProjection(MongoTemplate mongo, IntSupplier generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    @EventHandler
    void on(OpenItemRegistered e) {
        OpenItemView v = new OpenItemView();
        v.openItemId = e.openItemId();
        v.kind = e.kind();
        v.party = e.party();
        v.documentNo = e.documentNo();
        v.text = e.text();
        v.postingDate = e.postingDate();
        v.dueDate = e.dueDate();
        v.controlAccount = e.controlAccount();
        v.amount = e.amount();
        v.remaining = e.amount();
        v.lines = new ArrayList<>(e.itemLines().stream()
                .map(l -> new OpenItemView.Line(l.lineId(), l.label(), l.amount(), l.amount())).toList());
        v.history.add(new OpenItemView.HistoryEntry("OpenItemRegistered", e.openItemId(), e.postingDate(), e.amount(), null));
        create(v);
    }

    @EventHandler
    void on(PaymentApplied e) {
        if (e.unapplied().isZero()) {
            return;
        }
        OpenItemView v = new OpenItemView();
        v.openItemId = e.paymentId();
        v.kind = e.kind();
        v.party = e.party();
        v.documentNo = e.paymentId();
        v.text = e.text();
        v.postingDate = e.postingDate();
        v.dueDate = e.postingDate();
        v.controlAccount = e.controlAccount();
        v.amount = e.unapplied().negate();
        v.remaining = v.amount;
        v.history.add(new OpenItemView.HistoryEntry("PaymentApplied", e.paymentId(), e.postingDate(), v.amount, null));
        create(v);
    }

    @EventHandler
    void on(OpenItemAllocated e, @SequenceNumber long sequence) {
        change(e.openItemId(), sequence, v -> {
            switch (e.reason()) {
                case WRITE_OFF -> v.writtenOff = v.writtenOff.plus(e.amount());
                default -> v.applied = v.applied.plus(e.amount());
            }
            adjust(v, e.lineId(), e.amount().negate());
            v.history.add(new OpenItemView.HistoryEntry(historyType(e.reason()), e.entryId(), e.postingDate(), e.amount(), e.lineId()));
        });
    }

    @EventHandler
    void on(OpenItemAllocationReleased e, @SequenceNumber long sequence) {
        change(e.openItemId(), sequence, v -> {
            v.reversed = v.reversed.plus(e.amount());
            adjust(v, e.lineId(), e.amount());
            v.history.add(new OpenItemView.HistoryEntry(historyType(e.reason()), e.entryId(), e.postingDate(), e.amount(), e.lineId()));
        });
    }

    @EventHandler
    void on(EntryReversed e, @SequenceNumber long sequence) {
        if (!e.openItemCancelled()) {
            return;
        }
        change(e.entryId(), sequence, v -> {
            v.cancelled = v.remaining;
            v.history.add(new OpenItemView.HistoryEntry("EntryReversed", e.reversalId(), e.postingDate(), v.remaining.negate(), null));
            v.remaining = Money.ZERO;
            v.lines.replaceAll(l -> new OpenItemView.Line(l.lineId(), l.label(), l.amount(), Money.ZERO));
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(in(OpenItemView.COLLECTION));
        mongo.dropCollection(in(PARTIES));
    }

    private String in(String collection) {
        return ViewCollections.name(collection, generation.getAsInt());
    }

    private static String historyType(AllocationReason reason) {
        return switch (reason) {
            case PAYMENT -> "PaymentApplied";
            case APPLICATION -> "OpenItemsApplied";
            case WRITE_OFF -> "WriteOffBooked";
            case REVERSAL -> "EntryReversed";
            case UNAPPLY -> "OpenItemsUnapplied";
        };
    }

    private static void adjust(OpenItemView v, String lineId, Money delta) {
        v.remaining = v.remaining.plus(delta);
        if (lineId != null) {
            v.lines.replaceAll(l -> l.lineId().equals(lineId)
                    ? new OpenItemView.Line(l.lineId(), l.label(), l.amount(), l.remaining().plus(delta)) : l);
        }
    }

    private void create(OpenItemView v) {
        v.updateStatus();
        String items = in(OpenItemView.COLLECTION);
        if (mongo.findById(v.openItemId, OpenItemView.class, items) == null) {
            mongo.save(v, items);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(v.party)), new Update().addToSet("itemIds", v.openItemId), in(PARTIES));
    }

    private void change(String openItemId, long sequence, Consumer<OpenItemView> change) {
        String items = in(OpenItemView.COLLECTION);
        OpenItemView v = mongo.findById(openItemId, OpenItemView.class, items);
        if (v == null || v.lastSequence >= sequence) {
            return;
        }
        change.accept(v);
        v.lastSequence = sequence;
        v.updateStatus();
        mongo.save(v, items);
    }
}
