package dk.platform.ledger.history;

import dk.platform.ledger.api.AllocationReason;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.OpenItemAllocated;
import dk.platform.ledger.api.event.OpenItemAllocationReleased;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.openitem.OpenItemView;

import java.util.ArrayList;
import java.util.Optional;

/**
 * One open item rebuilt in memory from its own aggregate's events, with the rules of the
 * open-item projection (which writes straight to MongoDB and so cannot be run on the side).
 * {@code AsKnownAtIT} keeps the two equal: known at now, an item is what the live view shows.
 */
final class OpenItemReplay {

    private final String openItemId;
    private OpenItemView item;

    OpenItemReplay(String openItemId) {
        this.openItemId = openItemId;
    }

    /** Applies one event of the item's aggregate, in sequence order; events that do not change the item are ignored. */
    void apply(Object event) {
        if (event instanceof OpenItemRegistered e && e.openItemId().equals(openItemId) && item == null) {
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
            item = v;
        } else if (event instanceof PaymentApplied e && e.paymentId().equals(openItemId) && item == null && !e.unapplied().isZero()) {
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
            item = v;
        } else if (item == null) {
            return;
        } else if (event instanceof OpenItemAllocated e && e.openItemId().equals(openItemId)) {
            if (e.reason() == AllocationReason.WRITE_OFF) {
                item.writtenOff = item.writtenOff.plus(e.amount());
            } else {
                item.applied = item.applied.plus(e.amount());
            }
            adjust(e.lineId(), e.amount().negate());
            item.history.add(new OpenItemView.HistoryEntry(historyType(e.reason()), e.entryId(), e.postingDate(), e.amount(), e.lineId()));
        } else if (event instanceof OpenItemAllocationReleased e && e.openItemId().equals(openItemId)) {
            item.reversed = item.reversed.plus(e.amount());
            adjust(e.lineId(), e.amount());
            item.history.add(new OpenItemView.HistoryEntry(historyType(e.reason()), e.entryId(), e.postingDate(), e.amount(), e.lineId()));
        } else if (event instanceof EntryReversed e && e.openItemCancelled() && e.entryId().equals(openItemId)) {
            item.cancelled = item.remaining;
            item.history.add(new OpenItemView.HistoryEntry("EntryReversed", e.reversalId(), e.postingDate(), item.remaining.negate(), null));
            item.remaining = Money.ZERO;
            item.lines.replaceAll(l -> new OpenItemView.Line(l.lineId(), l.label(), l.amount(), Money.ZERO));
        }
        updateStatus();
    }

    /** The item as the events so far describe it; empty while it was not registered. */
    Optional<OpenItemView> item() {
        return Optional.ofNullable(item);
    }

    private void updateStatus() {
        item.status = item.cancelled.isZero()
                ? (item.remaining.isZero() ? OpenItemView.Status.CLOSED : OpenItemView.Status.OPEN)
                : OpenItemView.Status.CANCELLED;
    }

    private void adjust(String lineId, Money delta) {
        item.remaining = item.remaining.plus(delta);
        if (lineId != null) {
            item.lines.replaceAll(l -> l.lineId().equals(lineId)
                    ? new OpenItemView.Line(l.lineId(), l.label(), l.amount(), l.remaining().plus(delta)) : l);
        }
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
}
