package dk.platform.settlement.openitem;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.settlement.statement.OpenItem;

import java.util.List;

/**
 * This service's copy of a ledger open item (collection {@code open_items}, keyed by its id), kept
 * from ledger.events. {@code lastSequence} is the sequence number of the item's last event applied:
 * the item's events arrive in order (keyed by its id), so anything at or below it is a redelivery.
 */
public record OpenItemRecord(String openItemId, OpenItemKind kind, String party, Money amount, Money remaining,
                             boolean cancelled, List<Line> lines, long lastSequence) {

    public record Line(String lineId, Money amount, Money remaining) {
    }

    public OpenItemRecord {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    OpenItem toOpenItem() {
        OpenItem.Status status = cancelled ? OpenItem.Status.CANCELLED
                : remaining.isZero() ? OpenItem.Status.CLOSED : OpenItem.Status.OPEN;
        return new OpenItem(openItemId, kind, party, amount, remaining, status,
                lines.stream().map(l -> new OpenItem.Line(l.lineId(), l.amount(), l.remaining())).toList());
    }

    OpenItemRecord changed(Money newRemaining, String lineId, Money lineChange, long sequence) {
        List<Line> newLines = lines.stream()
                .map(l -> l.lineId().equals(lineId) ? new Line(l.lineId(), l.amount(), l.remaining().plus(lineChange)) : l)
                .toList();
        return new OpenItemRecord(openItemId, kind, party, amount, newRemaining, cancelled, newLines, sequence);
    }

    OpenItemRecord cancelled(long sequence) {
        return new OpenItemRecord(openItemId, kind, party, amount, remaining, true, lines, sequence);
    }
}
