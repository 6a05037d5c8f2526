package dk.platform.ledger.konto;

import dk.platform.ledger.admin.RebuildableView.Invariant;
import dk.platform.ledger.api.AccountType;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.event.AccountOpened;
import dk.platform.ledger.api.event.JournalEntryPosted;
import dk.platform.ledger.infra.mongo.ViewCollections;
import dk.platform.test.IntegrationTest;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The konto projection's handlers called directly, into a generation of its own, as a redelivering processor would. */
@IntegrationTest
class KontoProjectionIT {

    private static final int GENERATION = 9001;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aRedeliveredEventIsNotCountedTwiceAndItsPostingsAreStoredOnce() {
        KontoProjection projection = new KontoProjection(mongo, () -> GENERATION);
        projection.reset();
        projection.on(new AccountOpened("R5820", "Bank", AccountType.ASSET));
        projection.on(new AccountOpened("R1100", "Debitorer", AccountType.ASSET));
        EventMessage<JournalEntryPosted> first = GenericEventMessage.asEventMessage(entry("E1", "100.00", "30.00", "70.00"));
        EventMessage<JournalEntryPosted> second = GenericEventMessage.asEventMessage(entry("E2", "10.00", "4.00", "6.00"));

        projection.on(first.getPayload(), first);
        projection.on(second.getPayload(), second);
        projection.on(first.getPayload(), first); // redelivered after a crash before its token was stored
        projection.on(second.getPayload(), second);

        Document bank = month("R5820|2026-03");
        assertThat(bank.getLong("count")).isEqualTo(2);
        assertThat(KontoMonth.Totals.of(bank).debit()).isEqualTo(Money.of("110.00"));
        Document debtors = month("R1100|2026-03");
        assertThat(debtors.getLong("count")).as("two lines on one account in one entry count twice, once each").isEqualTo(4);
        assertThat(KontoMonth.Totals.of(debtors).credit()).isEqualTo(Money.of("110.00"));
        assertThat(mongo.getCollection(ViewCollections.name(KontoPosting.COLLECTION, GENERATION)).countDocuments()).isEqualTo(6);
        AccountSummary summary = mongo.findById("R5820", AccountSummary.class, ViewCollections.name(AccountSummary.COLLECTION, GENERATION));
        assertThat(summary.months.get("2026-03")).isEqualTo(new AccountSummary.MonthTotals(Money.of("110.00"), Money.ZERO));
        List<Invariant> invariants = new KontoViewAdmin(mongo).invariants(GENERATION);
        assertThat(invariants).allMatch(Invariant::holds, invariants.toString());
        projection.reset();
    }

    private Document month(String id) {
        return mongo.getCollection(ViewCollections.name(KontoMonth.COLLECTION, GENERATION)).find(new Document("_id", id)).first();
    }

    private static JournalEntryPosted entry(String id, String total, String part1, String part2) {
        return new JournalEntryPosted(id, LocalDate.of(2026, 3, 15), "Indbetaling", null, List.of(
                new PostingLine("R5820", Money.of(total), null),
                new PostingLine("R1100", null, Money.of(part1)),
                new PostingLine("R1100", null, Money.of(part2))));
    }
}
