package dk.platform.ledger.invariants;

import dk.platform.ledger.api.AllocationReason;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.event.AccountOpened;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.OpenItemAllocated;
import dk.platform.ledger.api.event.OpenItemAllocationReleased;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.OpenItemsApplied;
import dk.platform.ledger.api.event.OpenItemsUnapplied;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.api.event.PostsEntry;
import dk.platform.ledger.api.event.SkyldigtBeløbOffset;
import dk.platform.ledger.api.event.SkyldigtBeløbPaid;
import dk.platform.ledger.api.event.SkyldigtBeløbRegistered;
import dk.platform.ledger.api.event.SkyldigtBeløbWrittenOff;
import dk.platform.ledger.api.event.WriteOffBooked;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An independent reading of the event stream, used to check SPEC §1.8 after every command:
 * every entry balances, the trial balance is 0.00, each item's remaining amount is
 * amount - applied - writtenOff + reversed (- cancelled), and each control account's balance
 * equals the sum of its items' remaining amounts (negated for payables). It shares no code
 * with the aggregates or the projections.
 */
class LedgerModel {

    static final class Item {
        OpenItemKind kind;
        String control;
        Money amount;
        Money applied = Money.ZERO;
        Money writtenOff = Money.ZERO;
        Money reversed = Money.ZERO;
        Money cancelled = Money.ZERO;
        Money remaining;
        boolean isCancelled;
    }

    /** An employee debt as its events tell it. */
    static final class Debt {
        String employerId;
        String employeeNo;
        Money arisen;
        Money taken = Money.ZERO;
        Money outstanding;
    }

    final Map<String, Money> balances = new TreeMap<>();
    final Map<String, Debt> debts = new TreeMap<>();
    final Map<String, Item> items = new TreeMap<>();
    /** SPEC §1.1: opened as control accounts, or used by an open item. */
    final Set<String> controlAccounts = new java.util.TreeSet<>();
    final Set<String> eventIds = new HashSet<>();
    long events;
    long generatedLines;

    void apply(String eventId, Object event) {
        assertThat(eventIds.add(eventId)).as("event %s seen twice", eventId).isTrue();
        events++;
        controlAccountRules(event);
        if (event instanceof PostsEntry posting) {
            Money sum = Money.ZERO;
            for (PostingLine line : posting.lines()) {
                generatedLines += line.generatedBy() != null ? 1 : 0;
                sum = sum.plus(line.signedAmount());
                balances.merge(line.account(), line.signedAmount(), Money::plus);
            }
            assertThat(sum).as("entry %s balances", posting.postedEntryId()).isEqualTo(Money.ZERO);
        }
        if (event instanceof SkyldigtBeløbRegistered e) {
            Debt debt = new Debt();
            debt.employerId = e.employerId();
            debt.employeeNo = e.employeeNo();
            debt.arisen = e.amount();
            debt.outstanding = e.amount();
            debts.put(e.debtId(), debt);
        } else if (event instanceof SkyldigtBeløbOffset e) {
            debtStep(e.debtId(), e.amount(), e.outstanding());
        } else if (event instanceof SkyldigtBeløbPaid e) {
            debtStep(e.debtId(), e.amount(), e.outstanding());
        } else if (event instanceof SkyldigtBeløbWrittenOff e) {
            debtStep(e.debtId(), e.amount(), e.outstanding());
        }
        if (event instanceof OpenItemRegistered e) {
            item(e.openItemId(), e.kind(), e.controlAccount(), e.amount());
        } else if (event instanceof PaymentApplied e && !e.unapplied().isZero()) {
            item(e.paymentId(), e.kind(), e.controlAccount(), e.unapplied().negate());
        } else if (event instanceof OpenItemAllocated e) {
            Item item = items.get(e.openItemId());
            if (e.reason() == AllocationReason.WRITE_OFF) {
                item.writtenOff = item.writtenOff.plus(e.amount());
            } else {
                item.applied = item.applied.plus(e.amount());
            }
            item.remaining = e.remaining();
        } else if (event instanceof OpenItemAllocationReleased e) {
            Item item = items.get(e.openItemId());
            item.reversed = item.reversed.plus(e.amount());
            item.remaining = e.remaining();
        } else if (event instanceof EntryReversed e && e.openItemCancelled()) {
            Item item = items.get(e.entryId());
            item.cancelled = item.remaining;
            item.remaining = Money.ZERO;
            item.isCancelled = true;
        }
    }

    /**
     * SPEC §1.1: an account becomes a control account only while its balance is 0.00 (or when opened
     * as one); after that only its items' own lines post to it: never a plain entry, a debt or a
     * generated line. Reversals of earlier entries are not new postings.
     */
    private void controlAccountRules(Object event) {
        if (event instanceof AccountOpened e && Boolean.TRUE.equals(e.controlAccount())) {
            controlAccounts.add(e.number());
        }
        String becomesControl = event instanceof OpenItemRegistered e ? e.controlAccount()
                : event instanceof PaymentApplied e && !e.unapplied().isZero() ? e.controlAccount() : null;
        if (becomesControl != null && controlAccounts.add(becomesControl)) {
            assertThat(balances.getOrDefault(becomesControl, Money.ZERO)).as("%s became a control account with plain postings on it",
                    becomesControl).isEqualTo(Money.ZERO);
        }
        if (event instanceof PostsEntry posting && !(event instanceof EntryReversed)) {
            boolean itemEntry = event instanceof OpenItemRegistered || event instanceof PaymentApplied
                    || event instanceof WriteOffBooked || event instanceof OpenItemsApplied || event instanceof OpenItemsUnapplied;
            for (PostingLine line : posting.lines()) {
                if (!itemEntry || line.generatedBy() != null) {
                    assertThat(controlAccounts).as("%s posted a plain or generated line on control account %s",
                            posting.postedEntryId(), line.account()).doesNotContain(line.account());
                }
            }
        }
    }

    private void debtStep(String debtId, Money amount, Money outstanding) {
        Debt debt = debts.get(debtId);
        debt.taken = debt.taken.plus(amount);
        debt.outstanding = outstanding;
    }

    private void item(String id, OpenItemKind kind, String control, Money amount) {
        Item item = new Item();
        item.kind = kind;
        item.control = control;
        item.amount = amount;
        item.remaining = amount;
        assertThat(items.put(id, item)).as("item %s registered twice", id).isNull();
    }

    /** SPEC §1.8 and §5, checked on the whole ledger. */
    void checkInvariants() {
        Money outstanding = Money.ZERO;
        for (Map.Entry<String, Debt> d : debts.entrySet()) {
            assertThat(d.getValue().outstanding).as("debt %s outstanding = arisen - offset - paid - written off", d.getKey())
                    .isEqualTo(d.getValue().arisen.minus(d.getValue().taken));
            assertThat(d.getValue().outstanding.isNegative()).as("debt %s below zero", d.getKey()).isFalse();
            outstanding = outstanding.plus(d.getValue().outstanding);
        }
        assertThat(balances.getOrDefault("61.50", Money.ZERO)).as("account 61.50 equals the outstanding debts").isEqualTo(outstanding);
        assertThat(balances.values().stream().reduce(Money.ZERO, Money::plus)).as("trial balance total").isEqualTo(Money.ZERO);
        Map<String, Money> perControl = new TreeMap<>();
        items.forEach((id, item) -> {
            Money expected = item.amount.minus(item.applied).minus(item.writtenOff).plus(item.reversed).minus(item.cancelled);
            assertThat(item.remaining).as("remaining of %s = amount - applied - writtenOff + reversed - cancelled", id).isEqualTo(expected);
            int sign = item.amount.signum();
            assertThat(item.remaining.signum() * sign).as("remaining of %s never passes zero", id).isGreaterThanOrEqualTo(0);
            Money signed = item.kind == OpenItemKind.RECEIVABLE ? item.remaining : item.remaining.negate();
            perControl.merge(item.control, signed, Money::plus);
        });
        perControl.forEach((control, sum) -> assertThat(balances.getOrDefault(control, Money.ZERO))
                .as("balance of control account %s equals its items' remaining amounts", control).isEqualTo(sum));
        controlAccounts.stream().filter(a -> !perControl.containsKey(a)).forEach(a -> assertThat(balances.getOrDefault(a, Money.ZERO))
                .as("balance of control account %s without items", a).isEqualTo(Money.ZERO));
    }
}
