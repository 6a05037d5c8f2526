package dk.platform.ledger.invariants;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.command.Application;
import dk.platform.ledger.api.command.ApplyOpenItems;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.ItemLine;
import dk.platform.ledger.api.command.PostJournalEntry;
import dk.platform.ledger.api.command.RegisterOpenItem;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.ledger.api.command.UnapplyEntries;
import dk.platform.ledger.api.command.OffsetSkyldigtBeløb;
import dk.platform.ledger.api.command.PaySkyldigtBeløb;
import dk.platform.ledger.api.command.RegisterSkyldigtBeløb;
import dk.platform.ledger.api.command.WriteOffSkyldigtBeløb;
import dk.platform.ledger.api.DebtKind;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.entry.CommandOutcome;
import dk.platform.ledger.konto.KontoQueries;
import dk.platform.ledger.openitem.OpenItemQueries;
import dk.platform.ledger.openitem.OpenItemView;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.Projections;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hundreds of random command sequences — including rejected commands, reversals, unapplies and
 * retries of the same id — with SPEC §1.8 checked on the event store after every command, the
 * views compared with it at the end, and again after both views are rebuilt from the event store.
 */
@IntegrationTest
class LedgerInvariantsIT {

    static final int SEQUENCES = Integer.getInteger("ledger.sequences", 200);
    static final int STEPS = 8;
    static final String[] PARTIES = {"P1", "P2", "P3"};

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    KontoQueries konto;
    @Autowired
    OpenItemQueries openItems;
    @Autowired
    TestRestTemplate http;

    final LedgerModel model = new LedgerModel();
    TrackingToken readUpTo;
    final Random random = new Random(Long.getLong("ledger.seed", 20261122L));
    final List<Object> sent = new ArrayList<>();
    final List<String> entryIds = new ArrayList<>();
    final List<String> itemIds = new ArrayList<>();
    final List<String> applicationIds = new ArrayList<>();
    final List<String> debtIds = new ArrayList<>();
    int accepted;
    int rejected;

    @Test
    void invariantsHoldAfterEveryCommandAndAfterTheViewsAreRebuilt() {
        TestChart.ACCOUNTS.forEach(this::send);
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            for (int step = 0; step < STEPS; step++) {
                Object command = next("s" + sequence + "-" + step);
                long before = model.events;
                try {
                    CommandOutcome outcome = send(command);
                    accepted++;
                    readNewEvents();
                    if (outcome == CommandOutcome.REPLAYED) {
                        assertThat(model.events).as("a replayed command stores nothing").isEqualTo(before);
                    }
                } catch (LedgerException e) {
                    rejected++;
                    readNewEvents();
                    assertThat(model.events).as("a rejected command (%s) stores nothing", e.getMessage()).isEqualTo(before);
                }
                model.checkInvariants();
            }
        }
        assertThat(accepted).isGreaterThan(SEQUENCES * STEPS / 3);
        assertThat(rejected).isGreaterThan(SEQUENCES);
        assertThat(model.debts).as("employee debts arose").hasSizeGreaterThan(SEQUENCES / 20);
        assertThat(model.debts.values().stream().filter(d -> d.taken.isPositive()).count())
                .as("debts offset, paid or written off").isGreaterThan(SEQUENCES / 40);

        // A second reading of the whole store from the start agrees with the incremental one.
        LedgerModel replayed = new LedgerModel();
        try (var stream = storage.readEvents(null, false)) {
            stream.forEach(m -> replayed.apply(m.getIdentifier(), m.getPayload()));
        }
        replayed.checkInvariants();
        assertThat(replayed.balances).isEqualTo(model.balances);

        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        viewsAgreeWithTheEventStore();
        Map<String, String> live = checksums();
        Projections.VIEWS.forEach(name -> Projections.rebuild(processing, name));
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        viewsAgreeWithTheEventStore();
        assertThat(checksums()).as("each rebuilt view has the checksum of the live one").isEqualTo(live);
    }

    /** Each view's digest from GET /api/admin/projections/{name}/checksum. */
    private Map<String, String> checksums() {
        Map<String, String> sums = new java.util.TreeMap<>();
        Projections.VIEWS.forEach(name -> sums.put(name,
                new Api(http).get("/api/admin/projections/" + name + "/checksum").body().get("checksum").asText()));
        return sums;
    }

    private void viewsAgreeWithTheEventStore() {
        Api api = new Api(http);
        model.debts.forEach((id, debt) -> assertThat(api.get("/api/skyldige-beloeb/" + id).body().get("outstanding").asText())
                .as("61.50 view of %s", id).isEqualTo(debt.outstanding.toString()));
        assertThat(api.get("/api/skyldige-beloeb/summary").body().get("agrees").asBoolean()).isTrue();
        KontoQueries.TrialBalance trial = konto.trialBalance(null);
        assertThat(trial.total()).isEqualTo(Money.ZERO);
        model.balances.forEach((account, balance) ->
                assertThat(konto.account(account, null).orElseThrow().balance()).as("konto view of %s", account).isEqualTo(balance));
        Map<String, OpenItemView> views = new java.util.HashMap<>();
        openItems.all().forEach(v -> views.put(v.openItemId, v));
        model.items.forEach((id, item) -> {
            OpenItemView v = views.get(id);
            assertThat(v).as("open-item view of %s", id).isNotNull();
            assertThat(v.remaining).as("remaining of %s in the view", id).isEqualTo(item.remaining);
            assertThat(v.remaining).isEqualTo(v.amount.minus(v.applied).minus(v.writtenOff).plus(v.reversed).minus(v.cancelled));
            assertThat(v.status).isEqualTo(item.isCancelled ? OpenItemView.Status.CANCELLED
                    : item.remaining.isZero() ? OpenItemView.Status.CLOSED : OpenItemView.Status.OPEN);
            if (!v.lines.isEmpty()) {
                assertThat(v.lines.stream().map(OpenItemView.Line::remaining).reduce(Money.ZERO, Money::plus))
                        .as("lines of %s sum to its remaining amount", id).isEqualTo(v.remaining);
            }
        });
    }

    private CommandOutcome send(Object command) {
        CommandOutcome outcome = commands.sendAndWait(command);
        sent.add(command);
        return outcome;
    }

    private void readNewEvents() {
        // Straight from the storage engine, synchronously: the event store's own streams prefetch on another thread.
        try (var stream = storage.readEvents(readUpTo, false)) {
            stream.forEach(m -> {
                model.apply(m.getIdentifier(), m.getPayload());
                readUpTo = m.trackingToken();
            });
        }
    }

    // ---- random commands ----------------------------------------------------------------

    private Object next(String id) {
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
                date(), date(), "faktura", amount, receivable ? "1100" : "2400", receivable ? "1010" : "6100", lines);
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
        return new BookWriteOff(pick(itemIds), id, date(), "afskrivning", random.nextBoolean() ? "7250" : "3090",
                random.nextInt(4) == 0 ? amount.negate() : amount, random.nextInt(5) == 0 ? "B" : null);
    }

    private Object application(String id) {
        applicationIds.add(id);
        entryIds.add(id);
        return new ApplyOpenItems(id, pick(PARTIES), date(), "efterudligning",
                List.of(new Application(pick(itemIds), null, null), new Application(pick(itemIds), null, null)));
    }

    /** An employee debt arising, or a step on one (which may ask for more than is outstanding). */
    private Object debt(String id) {
        if (debtIds.isEmpty() || random.nextInt(3) == 0) {
            debtIds.add(id);
            return new RegisterSkyldigtBeløb(id, "E" + random.nextInt(5), random.nextBoolean() ? DebtKind.AUTO : DebtKind.MANUAL,
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
        return new PostJournalEntry(id, date(), "postering", null,
                List.of(PostingLine.debit("6100", amount), PostingLine.credit(random.nextBoolean() ? "5820" : "7250", credit)));
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
