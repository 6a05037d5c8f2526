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
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
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

    @Test
    void aBatchIsWrittenAtItsLastEventAndABatchRedeliveredWithOtherBoundariesCountsEachPostingOnce() {
        KontoProjection projection = new KontoProjection(mongo, () -> GENERATION);
        projection.reset();
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(GenericEventMessage.asEventMessage(new AccountOpened("R5820", "Bank", AccountType.ASSET)));
        events.add(GenericEventMessage.asEventMessage(new AccountOpened("R1100", "Debitorer", AccountType.ASSET)));
        for (int i = 1; i <= 40; i++) {
            events.add(GenericEventMessage.asEventMessage(entry("E" + i, "10.00", "4.00", "6.00")));
        }

        inOneBatch(projection, events.subList(0, 22), 11, () -> assertThat(month("R5820|2026-03"))
                .as("nothing is written before the batch's last event").isNull());
        assertThat(month("R5820|2026-03").getLong("count")).isEqualTo(20);
        // a crash before the token was stored: the processor starts again after the accounts, with a fuller batch
        inOneBatch(projection, events.subList(2, 42), -1, () -> { });

        Document bank = month("R5820|2026-03");
        assertThat(bank.getLong("count")).isEqualTo(40);
        assertThat(KontoMonth.Totals.of(bank).debit()).isEqualTo(Money.of("400.00"));
        assertThat(month("R1100|2026-03").getLong("count")).isEqualTo(80);
        assertThat(mongo.getCollection(ViewCollections.name(KontoPosting.COLLECTION, GENERATION)).countDocuments()).isEqualTo(120);
        AccountSummary summary = mongo.findById("R1100", AccountSummary.class, ViewCollections.name(AccountSummary.COLLECTION, GENERATION));
        assertThat(summary.months.get("2026-03")).isEqualTo(new AccountSummary.MonthTotals(Money.ZERO, Money.of("400.00")));
        List<Invariant> invariants = new KontoViewAdmin(mongo).invariants(GENERATION);
        assertThat(invariants).allMatch(Invariant::holds, invariants.toString());
        projection.reset();
    }

    /** Runs {@code events} through the handlers as a tracking processor's batch does; {@code probe} runs after event {@code probeAt}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void inOneBatch(KontoProjection projection, List<EventMessage<?>> events, int probeAt, Runnable probe) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>((List) events);
        batch.executeWithResult(() -> {
            EventMessage<?> event = batch.getMessage();
            if (event.getPayload() instanceof AccountOpened opened) {
                projection.on(opened);
            } else {
                projection.on((JournalEntryPosted) event.getPayload(), event);
            }
            if (events.indexOf(event) == probeAt) {
                probe.run();
            }
            return null;
        });
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
