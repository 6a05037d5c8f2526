package dk.platform.ledger.entry;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.AllocationReason;
import dk.platform.ledger.api.ApplicationMethod;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.command.Application;
import dk.platform.ledger.api.command.ApplyOpenItems;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.CloseYear;
import dk.platform.ledger.api.command.PostJournalEntry;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.ledger.api.command.UnapplyEntries;
import dk.platform.ledger.api.TransactionTypes;
import dk.platform.ledger.api.event.AppliedAmount;
import dk.platform.ledger.api.event.JournalEntryPosted;
import dk.platform.ledger.api.event.LedgerEvent;
import dk.platform.ledger.api.event.OpenItemsApplied;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.api.event.WriteOffBooked;
import dk.platform.ledger.definition.DefinitionRules;
import dk.platform.ledger.definition.YearEndClose;
import dk.platform.ledger.domain.Check;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.entry.InternalCommands.AllocateOpenItem;
import dk.platform.ledger.entry.InternalCommands.MarkUnapplied;
import dk.platform.ledger.entry.InternalCommands.MarkYearClosed;
import dk.platform.ledger.entry.InternalCommands.RecordEntry;
import dk.platform.ledger.entry.InternalCommands.ReleaseAllocations;
import dk.platform.ledger.entry.InternalCommands.ReverseOwnEntry;
import dk.platform.ledger.lookup.Lookups;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands that touch several entries at once (a payment over many items, items applied
 * to each other, reversals that give amounts back). Each runs in one unit of work: the
 * entries' own rules are checked by their aggregates through internal commands, and all
 * events commit in one transaction. Two commands racing for the same item meet at commit on
 * the item's sequence number; the loser is retried on fresh state (see AxonConfig).
 */
@Component
class PostingCommandHandler {

    private final Repository<JournalEntry> entries;
    private final Lookups lookups;
    private final CommandLog commandLog;
    private final DefinitionRules definitions;
    private final YearEndClose yearEndClose;
    private final CommandGateway internal;
    private final Clock clock = Clock.systemDefaultZone();

    PostingCommandHandler(Repository<JournalEntry> entries, Lookups lookups, CommandLog commandLog, DefinitionRules definitions,
                          YearEndClose yearEndClose, CommandBus commandBus) {
        this.entries = entries;
        this.lookups = lookups;
        this.commandLog = commandLog;
        this.definitions = definitions;
        this.yearEndClose = yearEndClose;
        // Internal commands run nested in the caller's unit of work: never retried on their own.
        this.internal = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    @CommandHandler
    void handle(PostJournalEntry c) {
        Check.id(c.entryId(), "entryId");
        Check.required(c.postingDate(), "postingDate");
        // A budget entry may record a single budget line; what it posts is generated and must balance.
        int minLines = TransactionTypes.BUDGET_ORIGINAL.equals(c.transactionType()) ? 1 : 2;
        DefinitionRules.Posting posting = definitions.apply(c.transactionType(), Check.lines(c.lines(), minLines));
        internal.sendAndWait(new RecordEntry(new JournalEntryPosted(c.entryId(), c.postingDate(), Check.text(c.text(), "text"),
                c.transactionType(), posting.posted(), posting.budgetLines())));
    }

    /**
     * Brings every account the YEAR_END_CLOSE definitions match to zero on the year's last day,
     * per fund class, as {@link YearEndClose#plan} says (and refuses); the definitions generate
     * the other side (into fund balance or retained earnings). One entry; the year is recorded
     * closed for each class it swept.
     */
    @CommandHandler
    void handle(CloseYear c) {
        Check.id(c.closingId(), "closingId");
        YearEndClose.Plan plan = yearEndClose.plan(c.fiscalYear(), c.fundClass());
        internal.sendAndWait(new RecordEntry(new JournalEntryPosted(c.closingId(), plan.postingDate(), "Årsafslutning " + plan.fiscalYear()
                + (c.fundClass() == null ? "" : " " + c.fundClass()), TransactionTypes.YEAR_END_CLOSE, plan.posting().posted())));
        for (String fundClass : plan.classes()) {
            internal.sendAndWait(new MarkYearClosed(c.closingId(), plan.fiscalYear(), fundClass, plan.postingDate()));
        }
    }

    @CommandHandler
    void handle(ApplyPayment c, @MetaDataValue(DryRun.METADATA) Boolean preview) {
        Check.id(c.paymentId(), "paymentId");
        Check.id(c.party(), "party");
        Check.required(c.postingDate(), "postingDate");
        Check.account(c.cashAccount(), "cashAccount");
        Money amount = Check.positive(c.amount(), "amount");
        Check.text(c.text(), "text");
        List<Application> requested = c.applications() == null ? List.of() : c.applications();
        if (requested.isEmpty() && lookups.applicationMethod(c.party()) == ApplicationMethod.SALDO) {
            requested = oldestFirst(c.party(), c.kind() == null ? OpenItemKind.RECEIVABLE : c.kind(), amount);
        }
        OpenItemKind kind = c.kind();
        String control = c.controlAccount();
        Map<String, Money> perControl = new LinkedHashMap<>();
        List<AppliedAmount> applied = new ArrayList<>();
        Money total = Money.ZERO;
        for (int i = 0; i < requested.size(); i++) {
            Application a = Check.required(requested.get(i), "applications[" + i + "]");
            JournalEntry item = itemOf(c.party(), a, i);
            if (kind == null) {
                kind = item.itemKind();
            } else if (kind != item.itemKind()) {
                throw new LedgerException.RuleViolation("open item " + a.openItemId() + " is " + item.itemKind()
                        + " but the payment is " + kind + "; pay receivables and payables separately");
            }
            control = control == null ? item.itemControlAccount() : control;
            Money amountApplied = a.amount() != null ? Check.nonZero(a.amount(), "applications[" + i + "].amount")
                    : item.remaining(Check.optionalId(a.lineId(), "applications[" + i + "].lineId"));
            if (amountApplied.isZero()) {
                throw new LedgerException.RuleViolation("open item " + a.openItemId()
                        + (a.lineId() == null ? "" : " line " + a.lineId()) + " has nothing remaining");
            }
            applied.add(new AppliedAmount(a.openItemId(), a.lineId(), amountApplied));
            perControl.merge(item.itemControlAccount(), amountApplied, Money::plus);
            total = total.plus(amountApplied);
        }
        if (kind == null || control == null) {
            throw new LedgerException.RuleViolation("the payment applies to no open item, so it stays unapplied:"
                    + " give kind and controlAccount for its open credit item");
        }
        if (total.compareTo(amount) > 0) {
            throw new LedgerException.RuleViolation("the applications total " + total + " but the payment is only " + amount);
        }
        Money unapplied = amount.minus(total);
        perControl.merge(control, unapplied, Money::plus);
        for (AppliedAmount a : applied) {
            internal.sendAndWait(new AllocateOpenItem(a.openItemId(), c.paymentId(), a.lineId(), a.amount(),
                    AllocationReason.PAYMENT, c.postingDate()));
        }
        List<PostingLine> lines = new ArrayList<>();
        boolean receivable = kind == OpenItemKind.RECEIVABLE;
        lines.add(receivable ? PostingLine.debit(c.cashAccount(), amount) : PostingLine.credit(c.cashAccount(), amount));
        perControl.forEach((account, sum) -> {
            if (!sum.isZero()) {
                lines.add(receivable ? PostingLine.credit(account, sum) : PostingLine.debit(account, sum));
            }
        });
        String type = typeOr(c.transactionType(), TransactionTypes.PAYMENT);
        DefinitionRules.Posting posting = definitions.apply(type, lines);
        record(new PaymentApplied(c.paymentId(), c.party(), kind, c.postingDate(), Check.text(c.text(), "text"), c.cashAccount(),
                control, amount, applied, unapplied, posting.posted()), type, posting, preview);
    }

    @CommandHandler
    void handle(BookWriteOff c, @MetaDataValue(DryRun.METADATA) Boolean preview) {
        JournalEntry item = openItem(Check.id(c.openItemId(), "openItemId"));
        Check.id(c.writeOffId(), "writeOffId");
        Check.required(c.postingDate(), "postingDate");
        Check.account(c.account(), "account");
        Money amount = Check.nonZero(c.amount(), "amount");
        Check.optionalId(c.lineId(), "lineId");
        internal.sendAndWait(new AllocateOpenItem(c.openItemId(), c.writeOffId(), c.lineId(), amount,
                AllocationReason.WRITE_OFF, c.postingDate()));
        String control = item.itemControlAccount();
        List<PostingLine> lines = item.itemKind() == OpenItemKind.RECEIVABLE
                ? List.of(PostingLine.debit(c.account(), amount), PostingLine.credit(control, amount))
                : List.of(PostingLine.debit(control, amount), PostingLine.credit(c.account(), amount));
        String type = typeOr(c.transactionType(), TransactionTypes.WRITE_OFF);
        DefinitionRules.Posting posting = definitions.apply(type, lines);
        record(new WriteOffBooked(c.writeOffId(), c.openItemId(), c.lineId(), c.postingDate(), Check.text(c.text(), "text"),
                c.account(), amount, posting.posted()), type, posting, preview);
    }

    /**
     * The application's own lines are each item's control-account movement (they net to 0.00, as
     * the items share kind and control account); the APPLICATION definitions (or transactionType's)
     * are applied to them. Without generated lines an application posts nothing; with them it
     * posts its own lines and the generated ones, in one balanced entry.
     */
    @CommandHandler
    void handle(ApplyOpenItems c, @MetaDataValue(DryRun.METADATA) Boolean preview) {
        Check.id(c.applicationId(), "applicationId");
        Check.id(c.party(), "party");
        Check.required(c.postingDate(), "postingDate");
        Check.size(c.applications(), "applications", 2);
        List<Application> requested = c.applications();
        long withAmount = requested.stream().filter(a -> a != null && a.amount() != null).count();
        if (withAmount != 0 && withAmount != requested.size()) {
            throw new LedgerException.Invalid("give an amount for every application, or for none (then the most that nets to 0.00 is applied)");
        }
        List<Money> remaining = new ArrayList<>();
        OpenItemKind kind = null;
        String control = null;
        for (int i = 0; i < requested.size(); i++) {
            Application a = Check.required(requested.get(i), "applications[" + i + "]");
            JournalEntry item = itemOf(c.party(), a, i);
            if (kind != null && (kind != item.itemKind() || !control.equals(item.itemControlAccount()))) {
                throw new LedgerException.RuleViolation("open items applied to each other must share kind and control account;"
                        + " " + a.openItemId() + " is " + item.itemKind() + " on " + item.itemControlAccount());
            }
            kind = item.itemKind();
            control = item.itemControlAccount();
            remaining.add(item.remaining(Check.optionalId(a.lineId(), "applications[" + i + "].lineId")));
        }
        List<Money> amounts = withAmount > 0 ? requested.stream().map(Application::amount).toList() : netting(remaining);
        Money sum = amounts.stream().reduce(Money.ZERO, Money::plus);
        if (!sum.isZero()) {
            throw new LedgerException.RuleViolation("amounts applied to each other must net to 0.00; these sum to " + sum);
        }
        List<AppliedAmount> applied = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!amounts.get(i).isZero()) {
                Application a = requested.get(i);
                internal.sendAndWait(new AllocateOpenItem(a.openItemId(), c.applicationId(), a.lineId(), amounts.get(i),
                        AllocationReason.APPLICATION, c.postingDate()));
                applied.add(new AppliedAmount(a.openItemId(), a.lineId(), amounts.get(i)));
            }
        }
        if (applied.isEmpty()) {
            throw new LedgerException.RuleViolation("nothing to apply: the items do not have remaining amounts of opposite sign");
        }
        boolean receivable = kind == OpenItemKind.RECEIVABLE;
        List<PostingLine> lines = new ArrayList<>();
        for (AppliedAmount a : applied) {
            lines.add(receivable ? PostingLine.credit(control, a.amount()) : PostingLine.debit(control, a.amount()));
        }
        String type = typeOr(c.transactionType(), TransactionTypes.APPLICATION);
        DefinitionRules.Posting posting = definitions.apply(type, lines);
        if (posting.generated().isEmpty()) {
            posting = new DefinitionRules.Posting(lines, List.of(), List.of(), List.of());
        }
        record(new OpenItemsApplied(c.applicationId(), c.party(), c.postingDate(), Check.text(c.text(), "text"), applied,
                posting.posted()), type, posting, preview);
    }

    /** SPEC §2: each open-item command has its own transaction type; the sender may name another. */
    private static String typeOr(String given, String defaultType) {
        return given == null ? defaultType : given;
    }

    /** Posts the entry, or for a preview answers what it would post and rolls everything back. */
    private void record(LedgerEvent entry, String transactionType, DefinitionRules.Posting posting, Boolean preview) {
        if (Boolean.TRUE.equals(preview)) {
            throw new DryRun(transactionType, posting);
        }
        internal.sendAndWait(new RecordEntry(entry));
    }

    @CommandHandler
    void handle(UnapplyEntries c) {
        entry(Check.id(c.applicationId(), "applicationId"));
        LocalDate date = c.postingDate() == null ? LocalDate.now(clock) : c.postingDate();
        List<AppliedAmount> released = internal.sendAndWait(new MarkUnapplied(c.applicationId(), date));
        release(released, c.applicationId(), AllocationReason.UNAPPLY, date);
    }

    @CommandHandler
    void handle(ReverseEntry c) {
        CommandLog.Entry original = commandLog.find(Check.id(c.entryId(), "entryId"));
        if (original != null && original.commandType().equals(ReverseEntry.class.getSimpleName())) {
            throw new LedgerException.RuleViolation("entry " + c.entryId() + " is the reversal of " + original.aggregateId()
                    + "; a reversal cannot be reversed: post the entry anew instead");
        }
        if (original != null && LedgerCommands.isDebtCommand(original.commandType())) {
            throw new LedgerException.RuleViolation("entry " + c.entryId() + " is a step of employee debt " + original.aggregateId()
                    + "; a debt's history is corrected by its own steps (offset, payment, write-off), not by reversal");
        }
        entry(c.entryId());
        List<AppliedAmount> released = internal.sendAndWait(new ReverseOwnEntry(c.entryId(), c.reversalId(), c.postingDate(), c.text()));
        release(released, c.entryId(), AllocationReason.REVERSAL, c.postingDate());
    }

    private void release(List<AppliedAmount> allocations, String entryId, AllocationReason reason, LocalDate date) {
        Set<String> items = new LinkedHashSet<>();
        allocations.forEach(a -> items.add(a.openItemId()));
        items.forEach(item -> internal.sendAndWait(new ReleaseAllocations(item, entryId, reason, date)));
    }

    /** Most that nets to zero: positives and negatives each applied in the order given, up to the smaller side. */
    private static List<Money> netting(List<Money> remaining) {
        Money positive = remaining.stream().filter(Money::isPositive).reduce(Money.ZERO, Money::plus);
        Money negative = remaining.stream().filter(Money::isNegative).reduce(Money.ZERO, Money::plus).negate();
        Money leftPositive = positive.min(negative);
        Money leftNegative = leftPositive;
        List<Money> amounts = new ArrayList<>();
        for (Money r : remaining) {
            if (r.isPositive()) {
                Money take = r.min(leftPositive);
                leftPositive = leftPositive.minus(take);
                amounts.add(take);
            } else {
                Money take = r.negate().min(leftNegative);
                leftNegative = leftNegative.minus(take);
                amounts.add(take.negate());
            }
        }
        return amounts;
    }

    private List<Application> oldestFirst(String party, OpenItemKind kind, Money amount) {
        List<Application> applications = new ArrayList<>();
        Money left = amount;
        for (String id : lookups.openItemsOldestFirst(party, kind.name())) {
            if (!left.isPositive()) {
                break;
            }
            Money remaining = openItem(id).remaining(null);
            if (remaining.isPositive()) {
                Money take = remaining.min(left);
                applications.add(new Application(id, null, take));
                left = left.minus(take);
            }
        }
        return applications;
    }

    /** The open item an application names, which must belong to the party. */
    private JournalEntry itemOf(String party, Application a, int index) {
        JournalEntry item = openItem(Check.id(a.openItemId(), "applications[" + index + "].openItemId"));
        if (!item.itemParty().equals(party)) {
            throw new LedgerException.RuleViolation("open item " + a.openItemId() + " belongs to party " + item.itemParty()
                    + ", not to " + party);
        }
        return item;
    }

    private JournalEntry entry(String entryId) {
        try {
            Aggregate<JournalEntry> aggregate = entries.load(entryId);
            return aggregate.invoke(e -> e);
        } catch (AggregateNotFoundException e) {
            throw new LedgerException.NotFound("no entry with id " + InputRules.quote(entryId));
        }
    }

    private JournalEntry openItem(String openItemId) {
        try {
            JournalEntry item = entries.load(openItemId).invoke(e -> e);
            if (!item.isOpenItem()) {
                throw new LedgerException.RuleViolation("entry " + openItemId + " is not an open item"
                        + " (or it was cancelled by a reversal)");
            }
            return item;
        } catch (AggregateNotFoundException e) {
            throw new LedgerException.NotFound("no open item with id " + InputRules.quote(openItemId));
        }
    }
}
