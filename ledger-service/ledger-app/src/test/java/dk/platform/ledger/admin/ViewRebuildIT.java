package dk.platform.ledger.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.infra.mongo.ViewCollections;
import dk.platform.ledger.invariants.RandomCommands;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.Projections;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilds into new collections, then a switch, while the ledger takes commands: the commands posted
 * during the rebuild end up in the switched views, the live views answer completely all along, and a
 * later quiet rebuild agrees with the switched views (nothing lost or doubled at the switch). The
 * rebuild of every view after thousands of random commands is in LedgerInvariantsIT; an interrupted
 * one in RebuildResumeIT.
 */
@IntegrationTest
class ViewRebuildIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoTemplate mongo;

    @Test
    void commandsPostedDuringARebuildAreInTheViewAfterTheSwitchAndTheLiveViewAnswersCompletelyMeanwhile() throws Exception {
        Api api = new Api(http);
        sendRandomCommands(150, 7L, "b");
        String party = "DURING";
        assertThat(api.post("/api/open-items", json("{'openItemId':'DURING-INV','kind':'RECEIVABLE','party':'" + party + "','documentNo':'D-0',"
                + "'postingDate':'2026-05-01','dueDate':'2026-05-31','text':'before','amount':'100.00','controlAccount':'1100',"
                + "'offsetAccount':'1010'}")).status()).isEqualTo(201);
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        int accountsBefore = api.get("/api/trial-balance").body().get("accounts").size();
        int kontoBefore = status(api, "konto").get("generation").asInt();
        long head = head(api);
        int rate = (int) Math.max(40, head / 5); // a few seconds of rebuild, and faster than the writer below (20 commands/s)

        // A writer posts journal entries, open items and debts; a reader reads the live views; both until after the switch.
        AtomicBoolean stop = new AtomicBoolean();
        List<String> posted = new CopyOnWriteArrayList<>();
        List<String> readProblems = new CopyOnWriteArrayList<>();
        List<String> writeProblems = new CopyOnWriteArrayList<>();
        int[] reads = {0};
        Thread writer = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                String id = "DURING-" + i;
                Api.Response r = i % 5 == 4
                        ? api.post("/api/open-items", json("{'openItemId':'" + id + "','kind':'RECEIVABLE','party':'" + party + "',"
                        + "'documentNo':'D-" + i + "','postingDate':'2026-05-02','dueDate':'2026-05-31','text':'during','amount':'10.00',"
                        + "'controlAccount':'1100','offsetAccount':'1010'}"))
                        : i % 7 == 6
                        ? api.post("/api/skyldige-beloeb", json("{'debtId':'" + id + "','employerId':'K" + (i % 2) + "','employeeNo':'9" + i + "','kind':'AUTO','amount':'5.00',"
                        + "'postingDate':'2026-05-02','payrollRunId':'run-" + i + "','counterAccount':'0000000170'}"))
                        : api.post("/api/journal-entries", json("{'entryId':'" + id + "','postingDate':'2026-05-02','text':'during',"
                        + "'lines':[{'account':'6100','debit':'1.00'},{'account':'5820','credit':'1.00'}]}"));
                if (r.status() == 201) {
                    posted.add(id);
                } else {
                    writeProblems.add(id + ": " + r);
                }
                pause(50); // a busy ledger's pace, not a load test
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            BigDecimal expense = null;
            while (!stop.get()) {
                Api.Response trial = api.get("/api/trial-balance");
                Api.Response account = api.get("/api/accounts/6100");
                Api.Response items = api.get("/api/open-items?party=" + party + "&status=ALL");
                reads[0]++;
                // (not the total: a reader may see an entry whose lines are half applied, rebuild or not; the view has no transactions)
                if (trial.status() != 200 || trial.body().get("accounts").size() < accountsBefore) {
                    readProblems.add("trial balance " + trial);
                }
                BigDecimal now = account.status() == 200 ? new BigDecimal(account.body().get("balance").asText()) : null;
                if (now == null || expense != null && now.compareTo(expense) < 0) {
                    readProblems.add("6100 went from " + expense + " to " + account);
                }
                expense = now;
                if (items.status() != 200 || items.body().isEmpty()) {
                    readProblems.add("open items of " + party + ": " + items);
                }
                pause(20);
            }
        }, "reader");
        Map<String, Integer> generations = new HashMap<>();
        List<JsonNode> progress = new ArrayList<>();
        AtomicInteger postedAtSwitch = new AtomicInteger();
        writer.start();
        reader.start();
        try {
            for (String view : Projections.VIEWS) {
                Api.Response r = api.post("/api/admin/projections/" + view + "/rebuild?maxEventsPerSecond=" + rate, null);
                assertThat(r.status()).as(r.toString()).isEqualTo(202);
                generations.put(view, r.body().get("generation").asInt());
            }
            assertThat(api.post("/api/admin/projections/konto/rebuild", null).status()).as("a second rebuild of the same view").isEqualTo(409);
            // progress while rebuilding: done of total, a rate and an ETA
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonNode konto = status(api, "konto").path("rebuild");
                if ("REBUILDING".equals(konto.path("state").asText()) && konto.hasNonNull("etaSeconds")) {
                    progress.add(konto);
                }
                return !progress.isEmpty();
            });
            Projections.awaitSwitched(api, generations, Duration.ofSeconds(120));
            postedAtSwitch.set(posted.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> posted.size() >= postedAtSwitch.get() + 20);
        } finally {
            stop.set(true);
            writer.join(30_000);
            reader.join(30_000);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(mongo.collectionExists(ViewCollections.name("accounts", kontoBefore))).as("the old konto collections dropped").isFalse());
        assertThat(mongo.collectionExists(ViewCollections.name("accounts", generations.get("konto")))).isTrue();

        JsonNode p = progress.get(0);
        assertThat(p.get("done").asLong()).isLessThan(p.get("total").asLong());
        assertThat(p.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(p.get("maxEventsPerSecond").asInt()).isEqualTo(rate);
        assertThat(writeProblems).isEmpty();
        assertThat(readProblems).as("the live views answered completely during the rebuild").isEmpty();
        assertThat(reads[0]).as("reads during the rebuild").isGreaterThan(10);
        assertThat(postedAtSwitch.get()).as("commands posted before the switch").isGreaterThan(10);

        // Every command posted before, during and after the switch is in the switched views.
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        Set<String> inKonto = new TreeSet<>();
        api.get("/api/accounts/5820").body().get("postings").forEach(x -> inKonto.add(x.get("entryId").asText()));
        api.get("/api/accounts/1100").body().get("postings").forEach(x -> inKonto.add(x.get("entryId").asText()));
        api.get("/api/accounts/61.50").body().get("postings").forEach(x -> inKonto.add(x.get("entryId").asText()));
        Set<String> items = new TreeSet<>();
        api.get("/api/open-items?party=" + party + "&status=ALL").body().forEach(x -> items.add(x.get("openItemId").asText()));
        Set<String> debts = new TreeSet<>();
        api.get("/api/skyldige-beloeb").body().forEach(x -> debts.add(x.get("debtId").asText()));
        for (String id : posted) {
            assertThat(inKonto).as("konto view has %s", id).contains(id);
            int i = Integer.parseInt(id.substring("DURING-".length()));
            if (i % 5 == 4) {
                assertThat(items).as("open-item view has %s", id).contains(id);
            } else if (i % 7 == 6) {
                assertThat(debts).as("61.50 view has %s", id).contains(id);
            }
        }
        Projections.VIEWS.forEach(view -> Projections.verification(api, view));

        // Nothing lost or doubled at the switch: a quiet rebuild of the switched views gives the same checksums.
        Map<String, JsonNode> afterSwitch = ProjectionAdminIT.checksums(api);
        Projections.rebuildAndSwitch(api, Projections.VIEWS, 0);
        ProjectionAdminIT.assertSame(afterSwitch, ProjectionAdminIT.checksums(api));
        System.out.printf("%n==== ViewRebuildIT: %d commands posted during the rebuild (%d before the switch), %d reads of the live views,"
                + " rebuild throttled to %d events/s; progress seen: %s%n====%n", posted.size(), postedAtSwitch.get(), reads[0], rate, p);
    }

    /** Random commands, one after the other (a fixed seed gives the same ledger every run). */
    private int sendRandomCommands(int count, long seed, String prefix) {
        TestChart.ACCOUNTS.forEach(commands::sendAndWait); // the same accounts again: replayed, nothing new
        RandomCommands generator = new RandomCommands(seed);
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            Object command = generator.next(prefix + i);
            try {
                commands.sendAndWait(command);
                generator.sent(command);
                accepted++;
            } catch (LedgerException refused) {
                // refused commands are part of the mix
            }
        }
        assertThat(accepted).isGreaterThan(count / 3);
        return accepted;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    private static JsonNode status(Api api, String view) {
        for (JsonNode p : api.get("/api/admin/projections").body()) {
            if (p.get("name").asText().equals(view)) {
                return p;
            }
        }
        throw new AssertionError("no processor " + view);
    }


    private static long head(Api api) {
        return api.get("/api/admin/projections").body().get(0).get("headPosition").asLong();
    }
}
