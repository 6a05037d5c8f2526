package dk.platform.ledger.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.ledger.api.Money;
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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of random command sequences — including rejected commands, reversals, unapplies and
 * retries of the same id — with SPEC §1.8 checked on the event store after every command, the
 * views compared with it at the end, and again after every view is rebuilt from the event store
 * beside the live one and switched to: the rebuilt views have the live views' checksums and the
 * admin's verification (SPEC §1.8 on each view) holds. Prints the replay rate of each view.
 */
@IntegrationTest
class LedgerInvariantsIT {

    static final int SEQUENCES = Integer.getInteger("ledger.sequences", 400);
    static final int STEPS = 8;

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
    final RandomCommands generator = new RandomCommands(Long.getLong("ledger.seed", 20261122L));
    int accepted;
    int rejected;

    @Test
    void invariantsHoldAfterEveryCommandAndAfterTheViewsAreRebuilt() {
        TestChart.ACCOUNTS.forEach(this::send);
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            for (int step = 0; step < STEPS; step++) {
                Object command = generator.next("s" + sequence + "-" + step);
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
        assertThat(model.debts.values().stream().map(d -> d.employerId).distinct()).as("debts of two employers")
                .contains("K5", "K101");
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
        // Every view rebuilt from the event store into new collections beside the live one, then switched
        // (POST /api/admin/projections/{name}/rebuild): the same checksums, and the verification holds.
        Api api = new Api(http);
        long head = api.get("/api/admin/projections").body().get(0).get("headPosition").asLong();
        long started = System.nanoTime();
        Map<String, JsonNode> rebuilt = Projections.rebuildAndSwitch(api, Projections.VIEWS, 0);
        double seconds = (System.nanoTime() - started) / 1e9;
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        viewsAgreeWithTheEventStore();
        assertThat(checksums()).as("each view rebuilt beside the live one has the checksum of the live one").isEqualTo(live);
        Projections.VIEWS.forEach(name -> Projections.verification(api, name));

        StringBuilder rates = new StringBuilder();
        rebuilt.forEach((view, r) -> rates.append(String.format("%n  %-10s %s events/s (from start to switch, as the rebuild reports it)",
                view, r.path("eventsPerSecond").asText())));
        System.out.printf("%n==== LedgerInvariantsIT: %d commands (%d accepted, %d refused), %d events; the three views rebuilt side by side"
                + " and switched in %.1f s%s%n====%n", SEQUENCES * STEPS, accepted, rejected, head, seconds, rates);
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
        // SPEC §5: employee numbers repeat across employers; each employer's employee sees only their own debts
        model.debts.values().stream().map(d -> d.employerId + "/" + d.employeeNo).distinct().forEach(key -> {
            String[] employee = key.split("/");
            List<String> expected = model.debts.entrySet().stream().filter(d -> key.equals(d.getValue().employerId + "/"
                    + d.getValue().employeeNo)).map(Map.Entry::getKey).sorted().toList();
            assertThat(api.get("/api/skyldige-beloeb?employerId=" + employee[0] + "&employeeNo=" + employee[1]).body()
                    .findValuesAsText("debtId")).as("the debts of %s", key).containsExactlyInAnyOrderElementsOf(expected);
        });
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
        generator.sent(command);
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
}
