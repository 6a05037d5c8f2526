package dk.platform.ledger.konto;

import dk.platform.ledger.admin.RebuildableView;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.infra.mongo.ViewCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** The konto view for the admin: its collections, a projection into a new generation, and SPEC §1.8 read on its documents. */
@Component
class KontoViewAdmin implements RebuildableView {

    private final MongoTemplate mongo;

    KontoViewAdmin(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return KontoProjection.NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(AccountSummary.COLLECTION, AccountMonth.COLLECTION);
    }

    @Override
    public Object projectionInto(int generation) {
        return new KontoProjection(mongo, () -> generation);
    }

    /** Every posted entry balances, the trial balance is 0.00, and every month total is the sum of that month's postings. */
    @Override
    public List<Invariant> invariants(int generation) {
        Map<String, AccountSummary> accounts = new HashMap<>();
        mongo.findAll(AccountSummary.class, ViewCollections.name(AccountSummary.COLLECTION, generation)).forEach(a -> accounts.put(a.number, a));
        Map<String, Money> perEntry = new HashMap<>(); // event id (one posted entry) -> debit - credit
        List<String> badMonths = new ArrayList<>();
        long[] months = {0};
        try (Stream<AccountMonth> buckets = mongo.stream(new Query(), AccountMonth.class, ViewCollections.name(AccountMonth.COLLECTION, generation))) {
            buckets.forEach(b -> {
                months[0]++;
                Money debit = b.postings.stream().map(AccountMonth.Posting::debit).filter(Objects::nonNull).reduce(Money.ZERO, Money::plus);
                Money credit = b.postings.stream().map(AccountMonth.Posting::credit).filter(Objects::nonNull).reduce(Money.ZERO, Money::plus);
                b.postings.forEach(p -> perEntry.merge(p.eventId(), p.signed(), Money::plus));
                AccountSummary a = accounts.get(b.number);
                AccountSummary.MonthTotals totals = a == null ? null : a.months.get(b.month);
                if (!debit.equals(b.debitTotal) || !credit.equals(b.creditTotal) || totals == null
                        || !debit.equals(totals.debit()) || !credit.equals(totals.credit())) {
                    badMonths.add(b.id + " postings " + debit + "/" + credit + ", totals " + b.debitTotal + "/" + b.creditTotal
                            + ", account " + (totals == null ? "none" : totals.debit() + "/" + totals.credit()));
                }
            });
        }
        long summarised = accounts.values().stream().mapToLong(a -> a.months.size()).sum();
        if (summarised != months[0]) {
            badMonths.add(summarised + " months in the accounts' totals but " + months[0] + " months of postings");
        }
        List<String> unbalanced = perEntry.entrySet().stream().filter(e -> !e.getValue().isZero())
                .map(e -> e.getKey() + " off by " + e.getValue()).toList();
        Money total = accounts.values().stream().flatMap(a -> a.months.values().stream())
                .map(t -> t.debit().minus(t.credit())).reduce(Money.ZERO, Money::plus);
        return List.of(
                Invariant.of("every journal entry balances (debits = credits)", perEntry.size(), "posted entries", unbalanced),
                new Invariant("the trial balance sums to 0.00", total.isZero(), accounts.size() + " accounts, total " + total),
                Invariant.of("each account's balance is the sum of its postings (month by month)", months[0], "account months", badMonths));
    }
}
