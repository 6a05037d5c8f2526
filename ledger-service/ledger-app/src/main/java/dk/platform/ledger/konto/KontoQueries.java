package dk.platform.ledger.konto;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.infra.mongo.ViewCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
        List<String> ids = summary.months.keySet().stream()
                .filter(m -> asOf == null || m.compareTo(month(asOf)) <= 0)
                .map(m -> AccountMonth.id(number, m)).toList();
        List<AccountMonth> buckets = ids.isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("_id").in(ids)), AccountMonth.class,
                        ViewCollections.name(AccountMonth.COLLECTION, generation));
        List<AccountPosting> postings = new ArrayList<>();
        Money debit = Money.ZERO;
        Money credit = Money.ZERO;
        for (AccountMonth bucket : buckets) {
            for (AccountMonth.Posting p : bucket.postings) {
                if (asOf == null || !p.postingDate().isAfter(asOf)) {
                    postings.add(new AccountPosting(p.entryId(), p.postingDate(), p.text(), p.debit(), p.credit(), p.generatedBy()));
                    debit = p.debit() == null ? debit : debit.plus(p.debit());
                    credit = p.credit() == null ? credit : credit.plus(p.credit());
                }
            }
        }
        postings.sort(Comparator.comparing(AccountPosting::postingDate));
        return Optional.of(new AccountView(number, summary.name, summary.type.name(), asOf, debit.minus(credit), debit, credit, postings));
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
                AccountMonth bucket = mongo.findById(AccountMonth.id(a.number, m.getKey()), AccountMonth.class,
                        ViewCollections.name(AccountMonth.COLLECTION, generation));
                if (bucket != null) {
                    for (AccountMonth.Posting p : bucket.postings) {
                        if (!p.postingDate().isAfter(asOf)) {
                            balance = balance.plus(p.signed());
                        }
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
