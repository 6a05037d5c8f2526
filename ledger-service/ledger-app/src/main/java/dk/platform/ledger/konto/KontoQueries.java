package dk.platform.ledger.konto;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.infra.mongo.ViewCollections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Balances, totals and postings of accounts as of a posting date, and the trial balance. */
@Component
public class KontoQueries {

    /** A posting of an account; {@code generatedBy} names the posting definition (version, row) that generated it, if one did. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record AccountPosting(String entryId, LocalDate postingDate, String text, Money debit, Money credit,
                                 dk.platform.ledger.api.PostingLine.GeneratedBy generatedBy) {
    }

    public record AccountView(String number, String name, String type, LocalDate asOf, Money balance, Money debitTotal,
                              Money creditTotal, List<AccountPosting> postings) {
    }

    public record TrialBalanceLine(String number, String name, String type, Money balance) {
    }

    public record TrialBalance(LocalDate asOf, List<TrialBalanceLine> accounts, Money total) {
    }

    private final MongoTemplate mongo;
    private final ViewCollections views;

    KontoQueries(MongoTemplate mongo, ViewCollections views) {
        this.mongo = mongo;
        this.views = views;
    }

    public Optional<AccountView> account(String number, LocalDate asOf) {
        return account(number, asOf, views.live(KontoProjection.NAME));
    }

    private Optional<AccountView> account(String number, LocalDate asOf, int generation) {
        AccountSummary summary = mongo.findById(number, AccountSummary.class, ViewCollections.name(AccountSummary.COLLECTION, generation));
        if (summary == null) {
            return Optional.empty();
        }
        List<String> months = summary.months.keySet().stream()
                .filter(m -> asOf == null || m.compareTo(month(asOf)) <= 0).toList();
        List<AccountPosting> postings = new ArrayList<>();
        Money debit = Money.ZERO;
        Money credit = Money.ZERO;
        for (KontoPosting p : postings(number, months, generation)) {
            if (asOf == null || !p.postingDate.isAfter(asOf)) {
                postings.add(new AccountPosting(p.entryId, p.postingDate, p.text, p.debit, p.credit, p.generatedBy));
                debit = p.debit == null ? debit : debit.plus(p.debit);
                credit = p.credit == null ? credit : credit.plus(p.credit);
            }
        }
        postings.sort(Comparator.comparing(AccountPosting::postingDate));
        return Optional.of(new AccountView(number, summary.name, summary.type.name(), asOf, debit.minus(credit), debit, credit, postings));
    }

    /** The postings of an account in the given months: each month's count, then its postings by their slots (unique keys). */
    private List<KontoPosting> postings(String number, List<String> months, int generation) {
        if (months.isEmpty()) {
            return List.of();
        }
        List<String> monthIds = months.stream().map(m -> KontoMonth.id(number, m)).toList();
        Map<String, Long> counts = new HashMap<>();
        mongo.getCollection(ViewCollections.name(KontoMonth.COLLECTION, generation))
                .find(new Document("_id", new Document("$in", monthIds))).projection(new Document("count", 1))
                .forEach(m -> counts.put(m.getString("_id"), ((Number) m.get("count")).longValue()));
        Map<String, Integer> order = new HashMap<>(); // month by month, each in the order its postings were counted
        for (String m : months) {
            long count = counts.getOrDefault(KontoMonth.id(number, m), 0L);
            for (long n = 1; n <= count; n++) {
                order.put(KontoPosting.slot(number, m, n), order.size());
            }
        }
        if (order.isEmpty()) {
            return List.of();
        }
        List<KontoPosting> found = new ArrayList<>(mongo.find(Query.query(Criteria.where("slot").in(order.keySet())), KontoPosting.class,
                ViewCollections.name(KontoPosting.COLLECTION, generation)));
        found.sort(Comparator.comparing(p -> order.get(p.slot)));
        return found;
    }

    public TrialBalance trialBalance(LocalDate asOf) {
        int generation = views.live(KontoProjection.NAME);
        List<TrialBalanceLine> lines = new ArrayList<>();
        Money total = Money.ZERO;
        for (AccountSummary a : mongo.findAll(AccountSummary.class, ViewCollections.name(AccountSummary.COLLECTION, generation))) {
            Money balance = balance(a, asOf, generation);
            lines.add(new TrialBalanceLine(a.number, a.name, a.type.name(), balance));
            total = total.plus(balance);
        }
        lines.sort(Comparator.comparing(TrialBalanceLine::number));
        return new TrialBalance(asOf, lines, total);
    }

    /** Whole months from their totals; only the as-of month itself is read posting by posting. */
    private Money balance(AccountSummary a, LocalDate asOf, int generation) {
        Money balance = Money.ZERO;
        String asOfMonth = asOf == null ? null : month(asOf);
        for (Map.Entry<String, AccountSummary.MonthTotals> m : a.months.entrySet()) {
            int cmp = asOfMonth == null ? -1 : m.getKey().compareTo(asOfMonth);
            if (cmp < 0) {
                balance = balance.plus(m.getValue().debit()).minus(m.getValue().credit());
            } else if (cmp == 0) {
                for (KontoPosting p : postings(a.number, List.of(m.getKey()), generation)) {
                    if (!p.postingDate.isAfter(asOf)) {
                        balance = balance.plus(p.signed());
                    }
                }
            }
        }
        return balance;
    }

    private static String month(LocalDate date) {
        return date.toString().substring(0, 7);
    }
}
