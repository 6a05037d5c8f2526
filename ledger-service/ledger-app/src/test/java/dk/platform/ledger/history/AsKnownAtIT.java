package dk.platform.ledger.history;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.Projections;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.Instant;
import java.util.UUID;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * knownAt: the ledger as it knew things at a past recorded time, from the event store. After a
 * later reversal or payment, the earlier answer; known at now, exactly the live views' answer.
 */
@IntegrationTest
class AsKnownAtIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    Api api;
    String s;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        s = UUID.randomUUID().toString().substring(0, 8);
        TestChart.open(api);
    }

    @Test
    void anAccountKnownBeforeAReversalHasTheEarlierBalanceAndPostingsWhileTheLiveViewShowsTheReversal() throws Exception {
        String bank = "KB" + s;
        String rent = "KE" + s;
        assertThat(api.post("/api/accounts", json("{'number':'" + bank + "','name':'Bank " + s + "','type':'ASSET'}")).status()).isEqualTo(201);
        assertThat(api.post("/api/accounts", json("{'number':'" + rent + "','name':'Husleje " + s + "','type':'EXPENSE'}")).status()).isEqualTo(201);
        Instant beforePosting = Instant.now();
        Thread.sleep(5);
        assertThat(api.post("/api/journal-entries", json("{'entryId':'E-" + s + "','postingDate':'2026-05-10','text':'Husleje maj','lines':["
                + "{'account':'" + rent + "','debit':'100.00'},{'account':'" + bank + "','credit':'100.00'}]}")).status()).isEqualTo(201);
        Instant posted = recordedAt("E-" + s);
        Thread.sleep(5);
        assertThat(api.post("/api/journal-entries/E-" + s + "/reversal",
                json("{'reversalId':'R-" + s + "','postingDate':'2026-05-20','text':'Fejl'}")).status()).isEqualTo(201);

        JsonNode live = api.await("/api/accounts/" + rent, a -> a.get("postings").size() == 2);
        assertThat(live.get("balance").asText()).isEqualTo("0.00");

        // Known at the posting's own recorded time (inclusive): the entry, not its reversal
        JsonNode known = api.get("/api/accounts/" + rent + "?knownAt=" + posted).body();
        assertThat(known.get("number").asText()).isEqualTo(rent);
        assertThat(known.get("name").asText()).isEqualTo("Husleje " + s);
        assertThat(known.get("type").asText()).isEqualTo("EXPENSE");
        assertThat(known.get("balance").asText()).isEqualTo("100.00");
        assertThat(known.get("debitTotal").asText()).isEqualTo("100.00");
        assertThat(known.get("creditTotal").asText()).isEqualTo("0.00");
        assertThat(known.get("postings")).hasSize(1);
        assertThat(known.get("postings").get(0)).isEqualTo(live.get("postings").get(0));
        assertThat(api.get("/api/accounts/" + bank + "?knownAt=" + posted).body().get("balance").asText()).isEqualTo("-100.00");

        // With a posting date as well; and before the entry was recorded
        assertThat(api.get("/api/accounts/" + rent + "?knownAt=" + posted + "&asOf=2026-05-09").body().get("postings")).isEmpty();
        JsonNode before = api.get("/api/accounts/" + rent + "?knownAt=" + beforePosting).body();
        assertThat(before.get("balance").asText()).isEqualTo("0.00");
        assertThat(before.get("postings")).isEmpty();

        // Known now (a future knownAt means now): the live answer, with and without asOf
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        String now = Instant.now().plusSeconds(3600).toString();
        assertThat(api.get("/api/accounts/" + rent + "?knownAt=" + now).body()).isEqualTo(api.get("/api/accounts/" + rent).body());
        assertThat(api.get("/api/accounts/" + rent + "?knownAt=" + now + "&asOf=2026-05-15").body())
                .isEqualTo(api.get("/api/accounts/" + rent + "?asOf=2026-05-15").body());
        assertThat(api.get("/api/accounts/5820?knownAt=" + now).body()).isEqualTo(api.get("/api/accounts/5820").body());

        // The trial balance known before the reversal has the entry; the live one, the reversal
        JsonNode trialKnown = api.get("/api/trial-balance?knownAt=" + posted).body();
        assertThat(balanceOf(trialKnown, rent)).isEqualTo("100.00");
        assertThat(trialKnown.get("total").asText()).isEqualTo("0.00");
        assertThat(balanceOf(api.get("/api/trial-balance").body(), rent)).isEqualTo("0.00");
    }

    @Test
    void theTrialBalanceKnownNowIsTheLiveTrialBalance() {
        assertThat(api.post("/api/journal-entries", json("{'entryId':'TB-" + s + "','postingDate':'2026-06-30','text':'Husleje juni','lines':["
                + "{'account':'6100','debit':'75.25'},{'account':'5820','credit':'75.25'}]}")).status()).isEqualTo(201);
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        String now = Instant.now().toString();

        JsonNode live = api.get("/api/trial-balance").body();
        JsonNode known = api.get("/api/trial-balance?knownAt=" + now).body();
        assertThat(known.get("accounts").size()).isGreaterThanOrEqualTo(TestChart.ACCOUNTS.size());
        assertThat(known).isEqualTo(live);
        assertThat(api.get("/api/trial-balance?knownAt=" + now + "&asOf=2026-06-29").body())
                .isEqualTo(api.get("/api/trial-balance?asOf=2026-06-29").body());
    }

    @Test
    void anOpenItemKnownBeforeAPaymentShowsTheEarlierRemaining() throws Exception {
        String item = "INV-" + s;
        assertThat(api.post("/api/open-items", json("{'openItemId':'" + item + "','kind':'RECEIVABLE','party':'P-" + s + "','documentNo':'D1',"
                + "'postingDate':'2026-03-01','dueDate':'2026-03-31','text':'Faktura','amount':'1000.00','controlAccount':'1100',"
                + "'offsetAccount':'1010','lines':[{'lineId':'A','label':'Behandler A','amount':'600.00'},"
                + "{'lineId':'B','label':'Behandler B','amount':'400.00'}]}")).status()).isEqualTo(201);
        Instant registered = recordedAt(item);
        Thread.sleep(5);
        assertThat(api.post("/api/payments", json("{'paymentId':'PAY-" + s + "','party':'P-" + s + "','postingDate':'2026-03-10',"
                + "'text':'Indbetaling','cashAccount':'5820','amount':'300.00','applications':[{'openItemId':'" + item + "','amount':'250.00'}]}"))
                .status()).isEqualTo(201);
        // One command's events carry timestamps microseconds apart: known at the last of them, the whole payment
        Instant paid = lastRecordedAt(item, "PAY-" + s);
        Thread.sleep(5);
        assertThat(api.post("/api/open-items/" + item + "/write-offs", json("{'writeOffId':'WO-" + s + "','postingDate':'2026-03-12',"
                + "'text':'Gebyr','account':'7250','amount':'10.00','lineId':'B'}")).status()).isEqualTo(201);
        Thread.sleep(5);
        assertThat(api.post("/api/journal-entries/PAY-" + s + "/reversal",
                json("{'reversalId':'RP-" + s + "','postingDate':'2026-03-15','text':'Fejlindbetaling'}")).status()).isEqualTo(201);

        JsonNode live = api.await("/api/open-items/" + item, v -> v.get("history").size() == 4);
        assertThat(live.get("remaining").asText()).isEqualTo("990.00");

        JsonNode beforePayment = api.get("/api/open-items/" + item + "?knownAt=" + registered).body();
        assertThat(beforePayment.get("remaining").asText()).isEqualTo("1000.00");
        assertThat(beforePayment.get("status").asText()).isEqualTo("OPEN");
        assertThat(beforePayment.get("history")).hasSize(1);
        assertThat(beforePayment.get("lines").get(1).get("remaining").asText()).isEqualTo("400.00");

        JsonNode afterPayment = api.get("/api/open-items/" + item + "?knownAt=" + paid).body();
        assertThat(afterPayment.get("remaining").asText()).isEqualTo("750.00");
        assertThat(afterPayment.get("history")).hasSize(2);

        // The payment's unapplied 50.00 as an open credit item, known before and after the reversal cancelled it
        assertThat(api.get("/api/open-items/PAY-" + s + "?knownAt=" + paid).body().get("remaining").asText()).isEqualTo("-50.00");
        assertThat(api.get("/api/open-items/PAY-" + s + "?knownAt=" + registered).status()).isEqualTo(404);

        // Known now: the live view, for the invoice and for the payment's credit item
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        String now = Instant.now().toString();
        assertThat(api.get("/api/open-items/" + item + "?knownAt=" + now).body()).isEqualTo(api.get("/api/open-items/" + item).body());
        assertThat(api.get("/api/open-items/PAY-" + s + "?knownAt=" + now).body()).isEqualTo(api.get("/api/open-items/PAY-" + s).body());

        // The party's list: then, the invoice alone and whole; now, the live list (the cancelled credit item under ALL)
        JsonNode listThen = api.get("/api/open-items?party=P-" + s + "&knownAt=" + registered).body();
        assertThat(listThen).hasSize(1);
        assertThat(listThen.get(0)).isEqualTo(beforePayment);
        assertThat(api.get("/api/open-items?party=P-" + s + "&status=ALL&knownAt=" + paid).body()).hasSize(2);
        for (String status : new String[]{"OPEN", "CANCELLED", "ALL"}) {
            assertThat(api.get("/api/open-items?party=P-" + s + "&status=" + status + "&knownAt=" + now).body())
                    .isEqualTo(api.get("/api/open-items?party=P-" + s + "&status=" + status).body());
        }
    }

    @Test
    void aCancelledItemKnownNowIsTheLiveOneAndUnknownIdsAre404() {
        String item = "INV2-" + s;
        assertThat(api.post("/api/open-items", json("{'openItemId':'" + item + "','kind':'PAYABLE','party':'S-" + s + "','documentNo':'K1',"
                + "'postingDate':'2026-04-01','dueDate':'2026-04-30','text':'Kreditorfaktura','amount':'500.00','controlAccount':'2400',"
                + "'offsetAccount':'6100'}")).status()).isEqualTo(201);
        assertThat(api.post("/api/journal-entries/" + item + "/reversal",
                json("{'reversalId':'RI-" + s + "','postingDate':'2026-04-02','text':'Annulleret'}")).status()).isEqualTo(201);
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        String now = Instant.now().toString();
        JsonNode known = api.get("/api/open-items/" + item + "?knownAt=" + now).body();
        assertThat(known.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(known).isEqualTo(api.get("/api/open-items/" + item).body());

        assertThat(api.get("/api/open-items/NOPE-" + s + "?knownAt=" + now).status()).isEqualTo(404);
        assertThat(api.get("/api/accounts/NOPE" + s + "?knownAt=" + now).status()).isEqualTo(404);
        assertThat(api.get("/api/accounts/5820?knownAt=2000-01-01T00:00:00Z").status()).isEqualTo(404);
    }

    @Test
    void aMalformedKnownAtIsAClear400() {
        for (String path : new String[]{"/api/accounts/5820", "/api/trial-balance", "/api/open-items/X-" + s}) {
            bad(path + "?knownAt=yesterday", "knownAt 'yesterday' is not an ISO instant");
            bad(path + "?knownAt=2026-11-22", "knownAt '2026-11-22' is not an ISO instant");
            bad(path + "?knownAt=", "knownAt '' is not an ISO instant");
        }
        bad("/api/trial-balance?knownAt=2026-11-22T20:30:00Z&asOf=31-12-2026", "parameter 'asOf' has an invalid value");
        bad("/api/open-items?knownAt=2026-11-22T20:30:00Z", "party is required with knownAt");
        bad("/api/open-items?party=P-" + s + "&status=SOME&knownAt=2026-11-22T20:30:00Z", "status must be OPEN, CLOSED, CANCELLED or ALL");
        bad("/api/open-items?party=P-" + s + "&knownAt=soon", "knownAt 'soon' is not an ISO instant");
    }

    void bad(String path, String detail) {
        Api.Response r = api.get(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.detail()).contains(detail);
    }

    /** When the aggregate's first event was recorded, as the history endpoint shows it. */
    Instant recordedAt(String aggregateId) {
        return Instant.parse(api.get("/api/audit/events?aggregateId=" + aggregateId).body().get(0).get("recordedAt").asText());
    }

    /** When the last event so far of any of the aggregates was recorded. */
    Instant lastRecordedAt(String... aggregateIds) {
        Instant last = Instant.MIN;
        for (String id : aggregateIds) {
            for (JsonNode e : api.get("/api/audit/events?aggregateId=" + id).body()) {
                Instant at = Instant.parse(e.get("recordedAt").asText());
                last = at.isAfter(last) ? at : last;
            }
        }
        return last;
    }

    static String balanceOf(JsonNode trialBalance, String number) {
        for (JsonNode a : trialBalance.get("accounts")) {
            if (a.get("number").asText().equals(number)) {
                return a.get("balance").asText();
            }
        }
        throw new AssertionError("no account " + number + " in " + trialBalance);
    }
}
