package dk.platform.ledger.openitem;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An open item as the open-item view shows it (one document per item, keyed by its id).
 * {@code remaining = amount - applied - writtenOff + reversed - cancelled} always holds.
 */
@Document("open_items")
public class OpenItemView {

    public static final String COLLECTION = "open_items";

    public enum Status { OPEN, CLOSED, CANCELLED }

    public record Line(String lineId, String label, Money amount, Money remaining) {
    }

    public record HistoryEntry(String type, String id, LocalDate postingDate, Money amount, String lineId) {
    }

    @Id
    public String openItemId;
    public OpenItemKind kind;
    public String party;
    public String documentNo;
    public String text;
    public LocalDate postingDate;
    public LocalDate dueDate;
    public String controlAccount;
    public Money amount;
    public Money remaining;
    public Money applied = Money.ZERO;
    public Money writtenOff = Money.ZERO;
    public Money reversed = Money.ZERO;
    public Money cancelled = Money.ZERO;
    public Status status;
    public List<Line> lines = new ArrayList<>();
    public List<HistoryEntry> history = new ArrayList<>();
    /** The sequence number of the item's last event applied here: makes every handler idempotent. */
    @JsonIgnore
    public long lastSequence;

    void updateStatus() {
        status = cancelled.isZero() ? (remaining.isZero() ? Status.CLOSED : Status.OPEN) : Status.CANCELLED;
    }
}
