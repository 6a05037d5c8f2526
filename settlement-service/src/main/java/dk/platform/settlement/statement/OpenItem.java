package dk.platform.settlement.statement;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;

import java.util.List;
import java.util.Optional;

/** What the settlement knows of a ledger open item (from ledger.events) when it checks a statement. */
public record OpenItem(String openItemId, OpenItemKind kind, String party, Money amount, Money remaining, Status status,
                       List<Line> lines) {

    public enum Status { OPEN, CLOSED, CANCELLED }

    public record Line(String lineId, Money amount, Money remaining) {
    }

    public OpenItem {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public Optional<Line> line(String lineId) {
        return lines.stream().filter(l -> l.lineId().equals(lineId)).findFirst();
    }
}
