package dk.platform.ledger.konto;

import dk.platform.ledger.admin.RebuildableView;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.infra.mongo.ViewCollections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return List.of(AccountSummary.COLLECTION, KontoMonth.COLLECTION, KontoPosting.COLLECTION);
    }

    @Override
    public Object projectionInto(int generation) {
        return new KontoProjection(mongo, () -> generation);
    }

    /** Every posted entry balances, the trial balance is 0.00, and every month's count and totals are those of its postings. */
    @Override
    public List<Invariant> invariants(int generation) {
        Map<String, AccountSummary> accounts = new HashMap<>();
        mongo.findAll(AccountSummary.class, ViewCollections.name(AccountSummary.COLLECTION, generation)).forEach(a -> accounts.put(a.number, a));
        Map<String, Money> perEntry = new HashMap<>(); // event id (one posted entry) -> debit - credit
        Map<String, Money[]> perMonth = new HashMap<>(); // number|month -> debit, credit, count
        try (Stream<KontoPosting> postings = mongo.stream(new Query(), KontoPosting.class, ViewCollections.name(KontoPosting.COLLECTION, generation))) {
            postings.forEach(p -> {
                perEntry.merge(p.eventId, p.signed(), Money::plus);
                Money[] t = perMonth.computeIfAbsent(KontoMonth.id(p.number, p.month), k -> new Money[]{Money.ZERO, Money.ZERO, Money.ZERO});
                t[0] = p.debit == null ? t[0] : t[0].plus(p.debit);
                t[1] = p.credit == null ? t[1] : t[1].plus(p.credit);
                t[2] = t[2].plus(Money.of(1));
            });
        }
        List<String> badMonths = new ArrayList<>();
        long months = 0;
        for (Document d : mongo.getCollection(ViewCollections.name(KontoMonth.COLLECTION, generation)).find().projection(new Document("recent", 0))) {
            months++;
            KontoMonth.Totals totals = KontoMonth.Totals.of(d);
            Money[] t = perMonth.getOrDefault(d.getString("_id"), new Money[]{Money.ZERO, Money.ZERO, Money.ZERO});
            AccountSummary a = accounts.get(d.getString("number"));
            AccountSummary.MonthTotals summarised = a == null ? null : a.months.get(d.getString("month"));
            if (!t[0].equals(totals.debit()) || !t[1].equals(totals.credit()) || !t[2].equals(Money.of(totals.count()))
                    || summarised == null || !t[0].equals(summarised.debit()) || !t[1].equals(summarised.credit())) {
                badMonths.add(d.getString("_id") + " postings " + t[0] + "/" + t[1] + " (" + t[2] + "), totals " + totals.debit() + "/"
                        + totals.credit() + " (" + totals.count() + "), account " + (summarised == null ? "none" : summarised.debit() + "/" + summarised.credit()));
            }
        }
        long summarisedMonths = accounts.values().stream().mapToLong(a -> a.months.size()).sum();
        if (summarisedMonths != months || perMonth.size() != months) {
            badMonths.add(summarisedMonths + " months in the accounts' totals, " + months + " month totals, " + perMonth.size() + " months of postings");
        }
        List<String> unbalanced = perEntry.entrySet().stream().filter(e -> !e.getValue().isZero())
                .map(e -> e.getKey() + " off by " + e.getValue()).toList();
        Money total = accounts.values().stream().flatMap(a -> a.months.values().stream())
                .map(t -> t.debit().minus(t.credit())).reduce(Money.ZERO, Money::plus);
        return List.of(
                Invariant.of("every journal entry balances (debits = credits)", perEntry.size(), "posted entries", unbalanced),
                new Invariant("the trial balance sums to 0.00", total.isZero(), accounts.size() + " accounts, total " + total),
                Invariant.of("each account's balance is the sum of its postings (month by month)", months, "account months", badMonths));
    }
}
