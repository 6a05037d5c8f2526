package dk.platform.ledger.openitem;

import dk.platform.ledger.api.AllocationReason;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.OpenItemAllocated;
import dk.platform.ledger.api.event.OpenItemAllocationReleased;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.PaymentApplied;

import java.time.LocalDate;
import java.util.ArrayList;

/**
 * How the ledger's events make an open item as its readers see it ({@link OpenItemView}): the one
 * fold that the live projection ({@link OpenItemProjection}) and the as-known-at replay
 * ({@code history.KnownAtQueries}) both run (DESIGN.md §4.12). Framework-free; the caller keeps
 * the item and applies each of its events once, in its aggregate's order.
 */
public final class OpenItemFold {

    private OpenItemFold() {
    }

    /**
     * The item an event opens, or null: a registered invoice or credit memo (SPEC §1.3), or the
     * unapplied rest of a payment, an open credit item with the payment's id (SPEC §1.4).
     */
    public static OpenItemView opened(Object event) {
        if (event instanceof OpenItemRegistered e) {
            OpenItemView v = item(e.openItemId(), e.kind(), e.party(), e.documentNo(), e.text(), e.postingDate(), e.dueDate(),
                    e.controlAccount(), e.amount());
            v.lines = new ArrayList<>(e.itemLines().stream()
                    .map(l -> new OpenItemView.Line(l.lineId(), l.label(), l.amount(), l.amount())).toList());
            v.history.add(new OpenItemView.HistoryEntry("OpenItemRegistered", e.openItemId(), e.postingDate(), e.amount(), null));
            v.updateStatus();
            return v;
        }
        if (event instanceof PaymentApplied e && !e.unapplied().isZero()) {
            OpenItemView v = item(e.paymentId(), e.kind(), e.party(), e.paymentId(), e.text(), e.postingDate(), e.postingDate(),
                    e.controlAccount(), e.unapplied().negate());
            v.history.add(new OpenItemView.HistoryEntry("PaymentApplied", e.paymentId(), e.postingDate(), v.amount, null));
            v.updateStatus();
            return v;
        }
        return null;
    }

    /** The id of the item an event changes, or null if it changes none. */
    public static String changed(Object event) {
        if (event instanceof OpenItemAllocated e) {
            return e.openItemId();
        }
        if (event instanceof OpenItemAllocationReleased e) {
            return e.openItemId();
        }
        return event instanceof EntryReversed e && e.openItemCancelled() ? e.entryId() : null;
    }

    /**
     * Applies an event that {@link #changed} names {@code v} for: an amount applied or written off
     * (SPEC §1.4–1.6), released again by a reversal or an unapplication (SPEC §1.5, §1.7), or the
     * item cancelled by the reversal of its own entry (SPEC §1.7).
     */
    public static void apply(OpenItemView v, Object event) {
        if (event instanceof OpenItemAllocated e) {
            if (e.reason() == AllocationReason.WRITE_OFF) {
                v.writtenOff = v.writtenOff.plus(e.amount());
            } else {
                v.applied = v.applied.plus(e.amount());
            }
            adjust(v, e.lineId(), e.amount().negate());
            v.history.add(new OpenItemView.HistoryEntry(historyType(e.reason()), e.entryId(), e.postingDate(), e.amount(), e.lineId()));
        } else if (event instanceof OpenItemAllocationReleased e) {
            v.reversed = v.reversed.plus(e.amount());
            adjust(v, e.lineId(), e.amount());
            v.history.add(new OpenItemView.HistoryEntry(historyType(e.reason()), e.entryId(), e.postingDate(), e.amount(), e.lineId()));
        } else if (event instanceof EntryReversed e && e.openItemCancelled()) {
            v.cancelled = v.remaining;
            v.history.add(new OpenItemView.HistoryEntry("EntryReversed", e.reversalId(), e.postingDate(), v.remaining.negate(), null));
            v.remaining = Money.ZERO;
            v.lines.replaceAll(l -> new OpenItemView.Line(l.lineId(), l.label(), l.amount(), Money.ZERO));
        }
        v.updateStatus();
    }

    private static OpenItemView item(String id, OpenItemKind kind, String party, String documentNo, String text,
                                     LocalDate postingDate, LocalDate dueDate, String controlAccount, Money amount) {
        OpenItemView v = new OpenItemView();
        v.openItemId = id;
        v.kind = kind;
        v.party = party;
        v.documentNo = documentNo;
        v.text = text;
        v.postingDate = postingDate;
        v.dueDate = dueDate;
        v.controlAccount = controlAccount;
        v.amount = amount;
        v.remaining = amount;
        return v;
    }

    private static void adjust(OpenItemView v, String lineId, Money delta) {
        v.remaining = v.remaining.plus(delta);
        if (lineId != null) {
            v.lines.replaceAll(l -> l.lineId().equals(lineId)
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
