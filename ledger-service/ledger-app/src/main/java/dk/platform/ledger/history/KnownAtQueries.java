package dk.platform.ledger.history;

import dk.platform.ledger.account.Account;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.event.AccountOpened;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.api.event.PostsEntry;
import dk.platform.ledger.konto.KontoQueries.AccountPosting;
import dk.platform.ledger.konto.KontoQueries.AccountView;
import dk.platform.ledger.konto.KontoQueries.TrialBalance;
import dk.platform.ledger.konto.KontoQueries.TrialBalanceLine;
import dk.platform.ledger.openitem.OpenItemView;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The konto view, the trial balance and an open item as the ledger knew them at a past moment:
 * computed from the events recorded up to then, read from the event store, never from the live
 * views. Each answers in the live view's shape, and keeps in memory only what that answer holds
 * (an account's postings, one balance per account, one item).
 */
@Component
public class KnownAtQueries {

    private final StoredEvents events;

    KnownAtQueries(StoredEvents events) {
        this.events = events;
    }

    /** An account with its balance, totals and postings (posting date up to {@code asOf}, if given); empty if not yet opened. */
    public Optional<AccountView> account(String number, LocalDate asOf, Instant knownAt) {
        AccountOpened[] opened = new AccountOpened[1];
        events.forEach(new StoredEvents.Selection().aggregate(Account.ID_PREFIX + number).recordedUpTo(knownAt), e -> {
            if (e.payload() instanceof AccountOpened a && opened[0] == null) {
                opened[0] = a;
            }
        });
        if (opened[0] == null) {
            return Optional.empty();
        }
        List<AccountPosting> postings = new ArrayList<>();
        // The quoted number in the payload narrows the events in the database; the lines are still checked one by one.
        events.forEach(new StoredEvents.Selection().types(PostingEvents.TYPES).recordedUpTo(knownAt).payloadContains('"' + number + '"'),
                e -> {
                    PostsEntry entry = (PostsEntry) e.payload();
                    if (asOf == null || !entry.postingDate().isAfter(asOf)) {
                        for (PostingLine line : entry.lines()) {
                            if (line.account().equals(number)) {
                                postings.add(new AccountPosting(entry.postedEntryId(), entry.postingDate(), entry.text(), line.debit(),
                                        line.credit(), line.generatedBy()));
                            }
                        }
                    }
                });
        // As the live view: by posting date, and in recording order within a day.
        postings.sort(Comparator.comparing(AccountPosting::postingDate));
        Money debit = sum(postings.stream().map(AccountPosting::debit));
        Money credit = sum(postings.stream().map(AccountPosting::credit));
        return Optional.of(new AccountView(number, opened[0].name(), opened[0].type().name(), asOf, debit.minus(credit), debit, credit,
                postings));
    }

    /** Every account opened by then with its balance (posting date up to {@code asOf}, if given); the total is 0.00. */
    public TrialBalance trialBalance(LocalDate asOf, Instant knownAt) {
        Map<String, AccountOpened> accounts = new TreeMap<>();
        Map<String, Money> balances = new HashMap<>();
        Set<Class<?>> types = Stream.concat(PostingEvents.TYPES.stream(), Stream.of(AccountOpened.class)).collect(Collectors.toSet());
        events.forEach(new StoredEvents.Selection().types(types).recordedUpTo(knownAt), e -> {
            if (e.payload() instanceof AccountOpened a) {
                accounts.putIfAbsent(a.number(), a);
            } else if (e.payload() instanceof PostsEntry entry && (asOf == null || !entry.postingDate().isAfter(asOf))) {
                for (PostingLine line : entry.lines()) {
                    balances.merge(line.account(), line.signedAmount(), Money::plus);
                }
            }
        });
        List<TrialBalanceLine> lines = new ArrayList<>();
        Money total = Money.ZERO;
        for (AccountOpened a : accounts.values()) {
            Money balance = balances.getOrDefault(a.number(), Money.ZERO);
            lines.add(new TrialBalanceLine(a.number(), a.name(), a.type().name(), balance));
            total = total.plus(balance);
        }
        return new TrialBalance(asOf, lines, total);
    }

    /** An open item replayed from its own events recorded by then; empty if it was not registered by then. */
    public Optional<OpenItemView> openItem(String openItemId, Instant knownAt) {
        OpenItemReplay replay = new OpenItemReplay(openItemId);
        events.forEach(new StoredEvents.Selection().aggregate(openItemId).recordedUpTo(knownAt), e -> replay.apply(e.payload()));
        return replay.item();
    }

    /**
     * The items of a party registered by then, each replayed to what was known then, filtered by
     * status (null = all), oldest due date first as the live list. The party's registrations are
     * found in the event store itself (narrowed in the database by the party's name).
     */
    public List<OpenItemView> openItems(String party, OpenItemView.Status status, Instant knownAt) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(new StoredEvents.Selection().types(List.of(OpenItemRegistered.class, PaymentApplied.class)).recordedUpTo(knownAt)
                .payloadContains('"' + party + '"'), e -> {
            if (e.payload() instanceof OpenItemRegistered r && r.party().equals(party)) {
                ids.add(r.openItemId());
            } else if (e.payload() instanceof PaymentApplied p && p.party().equals(party) && !p.unapplied().isZero()) {
                ids.add(p.paymentId());
            }
        });
        return ids.stream().map(id -> openItem(id, knownAt)).flatMap(Optional::stream)
                .filter(v -> status == null || v.status == status)
                .sorted(Comparator.comparing((OpenItemView v) -> v.dueDate).thenComparing(v -> v.openItemId))
                .toList();
    }

    private static Money sum(Stream<Money> amounts) {
        return amounts.filter(java.util.Objects::nonNull).reduce(Money.ZERO, Money::plus);
    }
}
