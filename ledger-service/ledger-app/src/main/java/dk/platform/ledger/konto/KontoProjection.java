package dk.platform.ledger.konto;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.event.AccountOpened;
import dk.platform.ledger.api.event.PostsEntry;
import dk.platform.ledger.infra.mongo.ViewCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * Builds the konto view from every event that posts lines. A posting is identified by its
 * event id and line number, so a redelivered event finds its postings already in the bucket
 * and changes nothing; month totals are recomputed from the bucket, never incremented.
 * The Spring bean is the live projection and writes the generation readers use; a rebuild
 * makes another instance that writes a new generation beside it ({@link KontoViewAdmin}).
 */
@Component
@ProcessingGroup(KontoProjection.NAME)
class KontoProjection {

    static final String NAME = "konto";

    private final MongoTemplate mongo;
    private final IntSupplier generation;

    @Autowired
    KontoProjection(MongoTemplate mongo, ViewCollections views) {
        this(mongo, () -> views.live(NAME));
    }

    KontoProjection(MongoTemplate mongo, IntSupplier generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    @EventHandler
    void on(AccountOpened e) {
        String accounts = in(AccountSummary.COLLECTION);
        if (mongo.findById(e.number(), AccountSummary.class, accounts) == null) {
            AccountSummary a = new AccountSummary();
            a.number = e.number();
            a.name = e.name();
            a.type = e.type();
            mongo.save(a, accounts);
        }
    }

    @EventHandler
    void on(PostsEntry e, EventMessage<?> message) {
        String month = e.postingDate().toString().substring(0, 7);
        List<PostingLine> lines = e.lines();
        String accounts = in(AccountSummary.COLLECTION);
        String months = in(AccountMonth.COLLECTION);
        for (int i = 0; i < lines.size(); i++) {
            PostingLine line = lines.get(i);
            String id = AccountMonth.id(line.account(), month);
            AccountMonth bucket = mongo.findById(id, AccountMonth.class, months);
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
                mongo.save(bucket, months);
            }
            AccountSummary account = mongo.findById(line.account(), AccountSummary.class, accounts);
            if (account != null) {
                account.months.put(month, new AccountSummary.MonthTotals(bucket.debitTotal, bucket.creditTotal));
                mongo.save(account, accounts);
            }
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(in(AccountMonth.COLLECTION));
        mongo.dropCollection(in(AccountSummary.COLLECTION));
    }

    private String in(String collection) {
        return ViewCollections.name(collection, generation.getAsInt());
    }
}
