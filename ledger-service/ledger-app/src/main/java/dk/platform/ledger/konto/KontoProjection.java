package dk.platform.ledger.konto;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.event.AccountOpened;
import dk.platform.ledger.api.event.PostsEntry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Builds the konto view from every event that posts lines. A posting is identified by its
 * event id and line number, so a redelivered event finds its postings already in the bucket
 * and changes nothing; month totals are recomputed from the bucket, never incremented.
 */
@Component
@ProcessingGroup(KontoProjection.NAME)
class KontoProjection {

    static final String NAME = "konto";

    private final MongoTemplate mongo;

    KontoProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountOpened e) {
        if (mongo.findById(e.number(), AccountSummary.class) == null) {
            AccountSummary a = new AccountSummary();
            a.number = e.number();
            a.name = e.name();
            a.type = e.type();
            mongo.save(a);
        }
    }

    @EventHandler
    void on(PostsEntry e, EventMessage<?> message) {
        String month = e.postingDate().toString().substring(0, 7);
        List<PostingLine> lines = e.lines();
        for (int i = 0; i < lines.size(); i++) {
            PostingLine line = lines.get(i);
            String id = AccountMonth.id(line.account(), month);
            AccountMonth bucket = mongo.findById(id, AccountMonth.class);
            if (bucket == null) {
                bucket = new AccountMonth();
                bucket.id = id;
                bucket.number = line.account();
                bucket.month = month;
            }
            int lineNo = i;
            if (bucket.postings.stream().noneMatch(p -> p.eventId().equals(message.getIdentifier()) && p.line() == lineNo)) {
                bucket.postings.add(new AccountMonth.Posting(message.getIdentifier(), lineNo, e.postedEntryId(), e.postingDate(),
                        e.text(), line.debit(), line.credit(), line.generatedBy()));
                bucket.debitTotal = bucket.postings.stream().map(AccountMonth.Posting::debit)
                        .filter(java.util.Objects::nonNull).reduce(Money.ZERO, Money::plus);
                bucket.creditTotal = bucket.postings.stream().map(AccountMonth.Posting::credit)
                        .filter(java.util.Objects::nonNull).reduce(Money.ZERO, Money::plus);
                mongo.save(bucket);
            }
            AccountSummary account = mongo.findById(line.account(), AccountSummary.class);
            if (account != null) {
                account.months.put(month, new AccountSummary.MonthTotals(bucket.debitTotal, bucket.creditTotal));
                mongo.save(account);
            }
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AccountMonth.class);
        mongo.dropCollection(AccountSummary.class);
    }
}
