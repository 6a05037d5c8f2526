package dk.platform.ledger.invariants;

import dk.platform.ledger.api.AccountType;
import dk.platform.ledger.api.DebtKind;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.command.Application;
import dk.platform.ledger.api.command.ApplyOpenItems;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.ItemLine;
import dk.platform.ledger.api.command.OpenAccount;
import dk.platform.ledger.api.command.OffsetSkyldigtBeløb;
import dk.platform.ledger.api.command.PaySkyldigtBeløb;
import dk.platform.ledger.api.command.PostJournalEntry;
import dk.platform.ledger.api.command.RegisterOpenItem;
import dk.platform.ledger.api.command.RegisterSkyldigtBeløb;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.ledger.api.command.UnapplyEntries;
import dk.platform.ledger.api.command.WriteOffSkyldigtBeløb;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random ledger commands over the test chart: open items (some with lines, some credit memos),
 * payments, write-offs (some negative), applications, unapplies, reversals, journal entries (some
 * unbalanced, some on control accounts), employee debts and their steps, and re-sends of earlier
 * commands. Many are refused; that is part of the point. 1100 and 2400 become control accounts when
 * an item first uses them, 1160 is opened as one ({@link #EXTRA_ACCOUNTS}); 1150 is an ordinary
 * account that plain entries and receivables both try, so either can get there first. Used by {@link LedgerInvariantsIT} and the rebuild tests.
 */
public final class RandomCommands {

    static final String[] PARTIES = {"P1", "P2", "P3"};
    /**
     * Beside the test chart: an ordinary account that receivables also use, an account opened as a
     * control account, and a write-off account with the accounts its definitions generate onto
     * (LedgerInvariantsIT), kept apart from the chart other tests share.
     */
    public static final List<OpenAccount> EXTRA_ACCOUNTS = List.of(new OpenAccount("1150", "Andre debitorer", AccountType.ASSET),
            new OpenAccount("1160", "Debitorer klinik", AccountType.ASSET, true),
            new OpenAccount("7260", "Gebyrer", AccountType.EXPENSE), new OpenAccount("1195", "Afregning puljekasse", AccountType.ASSET),
            new OpenAccount("3095", "Modpost puljekasse", AccountType.REVENUE));
    /** Accounts that plain entries try although open items use them (or may). */
    static final String[] CONTROL_CANDIDATES = {"1100", "2400", "1150", "1160"};

    private final Random random;
    private final List<Object> sent = new ArrayList<>();
    private final List<String> entryIds = new ArrayList<>();
    private final List<String> itemIds = new ArrayList<>();
    private final List<String> applicationIds = new ArrayList<>();
    private final List<String> debtIds = new ArrayList<>();

    public RandomCommands(long seed) {
        random = new Random(seed);
    }

    /** Remembers a command the ledger took, so it may be sent again later. */
    public void sent(Object command) {
        sent.add(command);
    }

    /** The next command; {@code id} becomes its client id (a re-send of an earlier command keeps that one's id). */
    public Object next(String id) {
        int dice = random.nextInt(100);
        if (dice < 22 || itemIds.isEmpty()) {
            return register(id);
        } else if (dice < 42) {
            return payment(id);
        } else if (dice < 55) {
            return writeOff(id);
        } else if (dice < 63) {
            return application(id);
        } else if (dice < 68 && !applicationIds.isEmpty()) {
            return new UnapplyEntries(pick(applicationIds), date());
        } else if (dice < 80 && !entryIds.isEmpty()) {
            String reversalId = "R" + id;
            entryIds.add(reversalId);
            return new ReverseEntry(pick(entryIds), reversalId, date(), "tilbageføring");
        } else if (dice < 84) {
            return journal(id);
        } else if (dice < 88) {
            return debt(id);
        } else if (!sent.isEmpty()) {
            Object earlier = pick(sent);
            return earlier;
        }
        return journal(id);
    }

    private Object register(String id) {
        boolean receivable = random.nextInt(3) > 0;
        Money amount = amount(1, 2000);
        if (random.nextInt(6) == 0) {
            amount = amount.negate();
        }
        List<ItemLine> lines = null;
        if (random.nextBoolean()) {
            Money first = new Money(amount.value().divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN));
            if (!first.isZero() && !first.equals(amount)) {
                lines = List.of(new ItemLine("A", "a", first), new ItemLine("B", "b", amount.minus(first)));
            }
        }
        itemIds.add(id);
        entryIds.add(id);
        return new RegisterOpenItem(id, receivable ? OpenItemKind.RECEIVABLE : OpenItemKind.PAYABLE, pick(PARTIES), "D-" + id,
                date(), date(), "faktura", amount, receivable ? pick(new String[]{"1100", "1100", "1100", "1100", "1100", "1100", "1150", "1160"}) : "2400",
                receivable ? "1010" : "6100", lines);
    }

    private Object payment(String id) {
        List<Application> applications = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            applications.add(new Application(pick(itemIds), random.nextInt(4) == 0 ? "A" : null,
                    random.nextBoolean() ? null : amount(1, 800)));
        }
        entryIds.add(id);
        itemIds.add(id);
        boolean payable = random.nextInt(4) == 0;
        return new ApplyPayment(id, pick(PARTIES), date(), "betaling", "5820", amount(1, 2500), applications,
                payable ? "2400" : "1100", payable ? OpenItemKind.PAYABLE : OpenItemKind.RECEIVABLE);
    }

    private Object writeOff(String id) {
        Money amount = amount(1, 300);
        entryIds.add(id);
        return new BookWriteOff(pick(itemIds), id, date(), "afskrivning", pick(new String[]{"7250", "3090", "7260"}),
                random.nextInt(4) == 0 ? amount.negate() : amount, random.nextInt(5) == 0 ? "B" : null);
    }

    private Object application(String id) {
        applicationIds.add(id);
        entryIds.add(id);
        return new ApplyOpenItems(id, pick(PARTIES), date(), "efterudligning",
                List.of(new Application(pick(itemIds), null, null), new Application(pick(itemIds), null, null)));
    }

    /**
     * An employee debt arising, or a step on one (which may ask for more than is outstanding). Two employers share the
     * same employee numbers (SPEC §5), so the views must keep their debts apart.
     */
    private Object debt(String id) {
        if (debtIds.isEmpty() || random.nextInt(3) == 0) {
            debtIds.add(id);
            return new RegisterSkyldigtBeløb(id, random.nextBoolean() ? "K5" : "K101", "E" + random.nextInt(5), random.nextBoolean() ? DebtKind.AUTO : DebtKind.MANUAL,
                    amount(1, 900), date(), "run-" + id, "0000000170");
        }
        String debt = pick(debtIds);
        Money amount = amount(1, 400);
        return switch (random.nextInt(3)) {
            case 0 -> new OffsetSkyldigtBeløb(debt, id, amount, date(), "run-" + id);
            case 1 -> new PaySkyldigtBeløb(debt, id, amount, date(), "5820");
            default -> new WriteOffSkyldigtBeløb(debt, id, amount, date());
        };
    }

    private Object journal(String id) {
        Money amount = amount(1, 500);
        Money credit = random.nextInt(8) == 0 ? amount.plus(Money.of("0.01")) : amount;
        entryIds.add(id);
        String creditAccount = random.nextInt(3) == 0 ? pick(CONTROL_CANDIDATES) : random.nextBoolean() ? "5820" : "7250";
        return new PostJournalEntry(id, date(), "postering", null,
                List.of(PostingLine.debit("6100", amount), PostingLine.credit(creditAccount, credit)));
    }

    private Money amount(int min, int max) {
        return new Money(BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100), 2));
    }

    private LocalDate date() {
        return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(200));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
