package dk.platform.ledger.entry;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.AllocationReason;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.command.ItemLine;
import dk.platform.ledger.api.command.RegisterOpenItem;
import dk.platform.ledger.api.event.AppliedAmount;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.JournalEntryPosted;
import dk.platform.ledger.api.event.OpenItemAllocated;
import dk.platform.ledger.api.event.OpenItemAllocationReleased;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.OpenItemsApplied;
import dk.platform.ledger.api.event.OpenItemsUnapplied;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.api.event.PostsEntry;
import dk.platform.ledger.api.event.WriteOffBooked;
import dk.platform.ledger.api.event.YearClosed;
import dk.platform.ledger.domain.Check;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.entry.InternalCommands.AllocateOpenItem;
import dk.platform.ledger.entry.InternalCommands.MarkUnapplied;
import dk.platform.ledger.entry.InternalCommands.MarkYearClosed;
import dk.platform.ledger.entry.InternalCommands.RecordEntry;
import dk.platform.ledger.entry.InternalCommands.ReleaseAllocations;
import dk.platform.ledger.entry.InternalCommands.ReverseOwnEntry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A posted journal entry (bilag), identified by the id its sender chose. An entry that
 * registers an open item (an invoice, a credit memo, an unapplied payment) also carries that
 * item's remaining amounts, so the consistency boundary for "never over-apply an item" is the
 * item's own entry. Entries keep only what their rules need: their lines (for reversal), what
 * they allocated to items (to give it back), and their item part.
 */
@Aggregate
public class JournalEntry {

    enum Kind { JOURNAL, OPEN_ITEM, PAYMENT, WRITE_OFF, APPLICATION }

    @AggregateIdentifier
    private String entryId;
    private Kind kind;
    private List<PostingLine> lines = List.of();
    private final List<AppliedAmount> allocationsMade = new ArrayList<>();
    private String reversedBy;
    private boolean unapplied;
    private OpenItemState item;

    protected JournalEntry() {
        // for Axon
    }

    @CommandHandler
    public JournalEntry(RegisterOpenItem c) {
        Check.id(c.openItemId(), "openItemId");
        Check.required(c.kind(), "kind");
        Check.id(c.party(), "party");
        Check.name(c.documentNo(), "documentNo", InputRules.MAX_ID);
        Check.required(c.postingDate(), "postingDate");
        Check.required(c.dueDate(), "dueDate");
        Money amount = Check.nonZero(c.amount(), "amount");
        Check.account(c.controlAccount(), "controlAccount");
        Check.account(c.offsetAccount(), "offsetAccount");
        if (c.controlAccount().equals(c.offsetAccount())) {
            throw new LedgerException.Invalid("controlAccount and offsetAccount must differ");
        }
        List<ItemLine> itemLines = c.lines() == null ? List.of() : List.copyOf(c.lines());
        if (!itemLines.isEmpty()) {
            Set<String> ids = new HashSet<>();
            Money sum = Money.ZERO;
            for (int i = 0; i < itemLines.size(); i++) {
                ItemLine line = Check.required(itemLines.get(i), "lines[" + i + "]");
                if (!ids.add(Check.id(line.lineId(), "lines[" + i + "].lineId"))) {
                    throw new LedgerException.Invalid("lines[" + i + "].lineId " + InputRules.quote(line.lineId()) + " is used twice");
                }
                if (line.label() != null) {
                    Check.name(line.label(), "lines[" + i + "].label", Check.MAX_TEXT);
                }
                Money lineAmount = Check.nonZero(line.amount(), "lines[" + i + "].amount");
                if (lineAmount.signum() != amount.signum()) {
                    throw new LedgerException.Invalid("lines[" + i + "].amount " + lineAmount + " has the opposite sign of amount " + amount);
                }
                sum = sum.plus(lineAmount);
            }
            if (!sum.equals(amount)) {
                throw new LedgerException.RuleViolation("the lines sum to " + sum + " but the item amount is " + amount
                        + " (difference " + amount.minus(sum) + ")");
            }
        }
        List<PostingLine> posting = c.kind() == OpenItemKind.RECEIVABLE
                ? List.of(PostingLine.debit(c.controlAccount(), amount), PostingLine.credit(c.offsetAccount(), amount))
                : List.of(PostingLine.debit(c.offsetAccount(), amount), PostingLine.credit(c.controlAccount(), amount));
        apply(new OpenItemRegistered(c.openItemId(), c.kind(), c.party(), c.documentNo(), c.postingDate(), c.dueDate(),
                Check.text(c.text(), "text"), amount, c.controlAccount(), c.offsetAccount(), itemLines, posting));
    }

    /** Journal entries, payments, write-offs and applications: the ledger has already checked what they touch. */
    @CommandHandler
    public JournalEntry(RecordEntry c) {
        if (c.event() instanceof PostsEntry posting && !posting.lines().isEmpty()) {
            Check.balancedLines(posting.lines());
        }
        apply(c.event());
    }

    @CommandHandler
    public void handle(AllocateOpenItem c) {
        OpenItemState it = requireOpenItem();
        Money amount = Check.nonZero(c.amount(), "amount");
        boolean mayGrow = c.reason() == AllocationReason.WRITE_OFF;
        int sign = it.amount.signum();
        checkAllocation(it.remaining, sign, amount, mayGrow, "open item " + entryId);
        if (c.lineId() != null) {
            if (!it.lineRemaining.containsKey(c.lineId())) {
                throw new LedgerException.NotFound("open item " + entryId + " has no line " + InputRules.quote(c.lineId()));
            }
            checkAllocation(it.remaining(c.lineId()), sign, amount, mayGrow, "line " + c.lineId() + " of open item " + entryId);
            apply(new OpenItemAllocated(entryId, c.entryId(), c.lineId(), amount, c.reason(), c.postingDate(), it.remaining.minus(amount)));
        } else if (!it.hasLines() || times(amount, sign).isNegative()) {
            // A write-off that makes the item grow (the counterparty paid more) is booked on its first line.
            String line = it.hasLines() ? it.lineRemaining.keySet().iterator().next() : null;
            apply(new OpenItemAllocated(entryId, c.entryId(), line, amount, c.reason(), c.postingDate(), it.remaining.minus(amount)));
        } else {
            // Spread over the lines in order, so the lines' remaining amounts always sum to the item's.
            Money left = times(amount, sign);
            Money remaining = it.remaining;
            for (var line : List.copyOf(it.lineRemaining.entrySet())) {
                Money take = left.min(times(line.getValue(), sign));
                if (take.isPositive()) {
                    Money signed = times(take, sign);
                    remaining = remaining.minus(signed);
                    apply(new OpenItemAllocated(entryId, c.entryId(), line.getKey(), signed, c.reason(), c.postingDate(), remaining));
                    left = left.minus(take);
                }
            }
        }
    }

    /**
     * Gives back what an entry allocated (a reversal or an unapply). Giving back a negative
     * allocation (a negative write-off raised the remaining amount) lowers the remaining amount, so
     * after later payments it could pass zero: that is refused, as any allocation past zero is.
     */
    @CommandHandler
    public void handle(ReleaseAllocations c) {
        OpenItemState it = requireOpenItem();
        List<AppliedAmount> released = List.copyOf(it.allocationsBy.getOrDefault(c.entryId(), List.of()));
        Money after = it.remaining;
        Map<String, Money> linesAfter = new java.util.HashMap<>(it.lineRemaining);
        for (AppliedAmount a : released) {
            after = after.plus(a.amount());
            if (a.lineId() != null && linesAfter.containsKey(a.lineId())) {
                linesAfter.merge(a.lineId(), a.amount(), Money::plus);
            }
        }
        int sign = it.amount.signum();
        boolean pastZero = after.signum() * sign < 0 || linesAfter.entrySet().stream()
                .anyMatch(l -> l.getValue().signum() * it.lineAmounts.get(l.getKey()).signum() < 0);
        if (pastZero) {
            throw new LedgerException.RuleViolation("giving back what " + c.entryId() + " allocated to open item " + entryId
                    + " would take its remaining amount past zero (" + it.remaining + " would become " + after
                    + "); undo the later payment or application first");
        }
        Money remaining = it.remaining;
        for (AppliedAmount a : released) {
            remaining = remaining.plus(a.amount());
            apply(new OpenItemAllocationReleased(entryId, c.entryId(), a.lineId(), a.amount(), c.reason(), c.postingDate(), remaining));
        }
    }

    @CommandHandler
    public List<AppliedAmount> handle(ReverseOwnEntry c) {
        Check.id(c.reversalId(), "reversalId");
        Check.required(c.postingDate(), "postingDate");
        if (reversedBy != null) {
            throw new LedgerException.RuleViolation("entry " + entryId + " is already reversed by " + reversedBy
                    + "; an entry can be reversed once");
        }
        if (kind == Kind.APPLICATION) {
            throw new LedgerException.RuleViolation("entry " + entryId + " applies open items to each other and posts nothing;"
                    + " undo it with DELETE /api/applications/" + entryId);
        }
        if (item != null && item.hasOutstandingAllocations()) {
            throw new LedgerException.RuleViolation("open item " + entryId + " has payments, applications or write-offs"
                    + " (remaining " + item.remaining + " of " + item.amount + "); reverse or unapply those first");
        }
        apply(new EntryReversed(entryId, c.reversalId(), c.postingDate(), Check.text(c.text(), "text"),
                lines.stream().map(PostingLine::swapped).toList(), item != null));
        return List.copyOf(allocationsMade);
    }

    @CommandHandler
    public void handle(MarkYearClosed c) {
        if (kind != Kind.JOURNAL) {
            throw new LedgerException.RuleViolation("entry " + entryId + " is not a journal entry");
        }
        apply(new YearClosed(entryId, c.fiscalYear(), c.fundClass(), c.postingDate()));
    }

    @CommandHandler
    public List<AppliedAmount> handle(MarkUnapplied c) {
        if (kind != Kind.APPLICATION) {
            throw new LedgerException.RuleViolation("entry " + entryId + " is not an application of open items to each other");
        }
        if (unapplied) {
            throw new LedgerException.RuleViolation("application " + entryId + " is already undone; an application can be undone once");
        }
        apply(new OpenItemsUnapplied(entryId, c.postingDate(), List.copyOf(allocationsMade),
                lines.stream().map(PostingLine::swapped).toList()));
        return List.copyOf(allocationsMade);
    }

    /** An item's remaining amount: what a payment without an amount takes. */
    public Money remaining(String lineId) {
        OpenItemState it = requireOpenItem();
        if (lineId != null && !it.lineRemaining.containsKey(lineId)) {
            throw new LedgerException.NotFound("open item " + entryId + " has no line " + InputRules.quote(lineId));
        }
        return it.remaining(lineId);
    }

    public OpenItemKind itemKind() { return requireOpenItem().kind; }
    public String itemParty() { return requireOpenItem().party; }
    public String itemControlAccount() { return requireOpenItem().controlAccount; }
    public boolean isOpenItem() { return item != null && !item.cancelled; }

    private OpenItemState requireOpenItem() {
        if (item == null) {
            throw new LedgerException.RuleViolation("entry " + entryId + " is not an open item");
        }
        if (item.cancelled) {
            throw new LedgerException.RuleViolation("open item " + entryId + " was cancelled by reversal " + reversedBy);
        }
        return item;
    }

    /** Applying must move remaining towards zero without passing it; a write-off may also let it grow. */
    private static void checkAllocation(Money remaining, int sign, Money amount, boolean mayGrow, String what) {
        Money rest = times(remaining.minus(amount), sign);
        if (rest.isNegative()) {
            throw new LedgerException.RuleViolation("cannot apply " + amount + " to " + what + ": only " + remaining + " remains"
                    + " (it would leave " + remaining.minus(amount) + ")");
        }
        if (!mayGrow && times(amount, sign).isNegative()) {
            throw new LedgerException.RuleViolation("cannot apply " + amount + " to " + what + " (remaining " + remaining
                    + "): an amount applied must have the item's sign");
        }
    }

    private static Money times(Money m, int sign) {
        return sign < 0 ? m.negate() : m;
    }

    // ---- state from events: assignments only --------------------------------------------

    @EventSourcingHandler
    void on(JournalEntryPosted e) {
        entryId = e.entryId();
        kind = Kind.JOURNAL;
        lines = e.lines();
    }

    @EventSourcingHandler
    void on(OpenItemRegistered e) {
        entryId = e.openItemId();
        kind = Kind.OPEN_ITEM;
        lines = e.lines();
        item = new OpenItemState(e.kind(), e.party(), e.controlAccount(), e.amount(), e.dueDate());
        for (ItemLine line : e.itemLines()) {
            item.lineAmounts.put(line.lineId(), line.amount());
            item.lineRemaining.put(line.lineId(), line.amount());
        }
    }

    @EventSourcingHandler
    void on(PaymentApplied e) {
        entryId = e.paymentId();
        kind = Kind.PAYMENT;
        lines = e.lines();
        allocationsMade.addAll(e.applications());
        if (!e.unapplied().isZero()) {
            item = new OpenItemState(e.kind(), e.party(), e.controlAccount(), e.unapplied().negate(), e.postingDate());
        }
    }

    @EventSourcingHandler
    void on(WriteOffBooked e) {
        entryId = e.writeOffId();
        kind = Kind.WRITE_OFF;
        lines = e.lines();
        allocationsMade.add(new AppliedAmount(e.openItemId(), e.lineId(), e.amount()));
    }

    @EventSourcingHandler
    void on(OpenItemsApplied e) {
        entryId = e.applicationId();
        kind = Kind.APPLICATION;
        lines = e.lines();
        allocationsMade.addAll(e.applications());
    }

    @EventSourcingHandler
    void on(OpenItemAllocated e) {
        item.allocate(e.entryId(), e.lineId(), e.amount());
    }

    @EventSourcingHandler
    void on(OpenItemAllocationReleased e) {
        item.release(e.entryId(), e.lineId(), e.amount());
    }

    @EventSourcingHandler
    void on(EntryReversed e) {
        reversedBy = e.reversalId();
        if (e.openItemCancelled() && item != null) {
            item.cancelled = true;
        }
    }

    @EventSourcingHandler
    void on(OpenItemsUnapplied e) {
        unapplied = true;
    }

    @Override
    public String toString() {
        return "JournalEntry[" + entryId + ", " + kind + (Objects.nonNull(reversedBy) ? ", reversed" : "") + "]";
    }
}
