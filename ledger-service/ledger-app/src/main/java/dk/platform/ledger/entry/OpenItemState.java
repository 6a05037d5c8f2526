package dk.platform.ledger.entry;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.event.AppliedAmount;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The open-item part of an entry: what remains, in total and per line, and who took what. */
final class OpenItemState {

    static final String WHOLE_ITEM = "";

    final OpenItemKind kind;
    final String party;
    final String controlAccount;
    final Money amount;
    final LocalDate dueDate;
    Money remaining;
    /** Per line: its amount and what remains of it. Empty for an item without a breakdown. */
    final Map<String, Money> lineAmounts = new LinkedHashMap<>();
    final Map<String, Money> lineRemaining = new LinkedHashMap<>();
    /** Per entry that allocated to this item: what it allocated (line "" = the item as a whole). */
    final Map<String, List<AppliedAmount>> allocationsBy = new LinkedHashMap<>();
    boolean cancelled;

    OpenItemState(OpenItemKind kind, String party, String controlAccount, Money amount, LocalDate dueDate) {
        this.kind = kind;
        this.party = party;
        this.controlAccount = controlAccount;
        this.amount = amount;
        this.dueDate = dueDate;
        this.remaining = amount;
    }

    boolean hasLines() {
        return !lineAmounts.isEmpty();
    }

    Money remaining(String lineId) {
        return lineId == null ? remaining : lineRemaining.get(lineId);
    }

    boolean hasOutstandingAllocations() {
        return allocationsBy.values().stream().anyMatch(list -> !list.isEmpty());
    }

    void allocate(String entryId, String lineId, Money amount) {
        remaining = remaining.minus(amount);
        if (lineId != null && lineRemaining.containsKey(lineId)) {
            lineRemaining.put(lineId, lineRemaining.get(lineId).minus(amount));
        }
        allocationsBy.computeIfAbsent(entryId, k -> new ArrayList<>())
                .add(new AppliedAmount(null, lineId, amount));
    }

    void release(String entryId, String lineId, Money amount) {
        remaining = remaining.plus(amount);
        if (lineId != null && lineRemaining.containsKey(lineId)) {
            lineRemaining.put(lineId, lineRemaining.get(lineId).plus(amount));
        }
        List<AppliedAmount> list = allocationsBy.getOrDefault(entryId, List.of());
        for (int i = 0; i < list.size(); i++) {
            AppliedAmount a = list.get(i);
            if (java.util.Objects.equals(a.lineId(), lineId) && a.amount().equals(amount)) {
                list.remove(i);
                break;
            }
        }
    }
}
