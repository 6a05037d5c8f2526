package dk.platform.ledger;

import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;
import java.util.function.Supplier;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint with good and bad input. Each rejection is checked for its status, its
 * problem detail, and that the event store holds exactly as many events as before.
 */
@IntegrationTest
class LedgerApiIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    String s;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        s = UUID.randomUUID().toString().substring(0, 8);
        TestChart.open(api);
    }

    long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    /** Sends a bad request and checks status, detail, problem+json, and that nothing was stored. */
    void rejected(Supplier<Api.Response> call, int status, String detail) {
        long before = events();
        Api.Response r = call.get();
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.detail()).contains(detail);
        assertThat(events()).as("events stored by a rejected command").isEqualTo(before);
    }

    String invoice(String id, String amount) {
        return json("{'openItemId':'" + id + "','kind':'RECEIVABLE','party':'P-" + s + "','documentNo':'D1','postingDate':'2026-03-01',"
                + "'dueDate':'2026-03-31','text':'Faktura','amount':'" + amount + "','controlAccount':'1100','offsetAccount':'1010'}");
    }

    String entry(String id, String debit, String credit) {
        return json("{'entryId':'" + id + "','postingDate':'2026-03-05','text':'t','lines':[{'account':'7250','debit':'" + debit
                + "'},{'account':'5820','credit':'" + credit + "'}]}");
    }

    @Test
    void malformedJsonIsA400() {
        rejected(() -> api.post("/api/journal-entries", "{\"entryId\": \"x\", "), 400, "malformed JSON");
    }

    @Test
    void anAmountAsAJsonNumberIsA400() {
        rejected(() -> api.post("/api/journal-entries", json("{'entryId':'E-" + s + "','postingDate':'2026-03-05','text':'t',"
                + "'lines':[{'account':'7250','debit':100.00},{'account':'5820','credit':'100.00'}]}")), 400, "decimal strings");
    }

    @Test
    void threeDecimalsOrAnExponentIsA400() {
        rejected(() -> api.post("/api/journal-entries", entry("E-" + s, "100.001", "100.001")), 400, "lines[0].debit");
        rejected(() -> api.post("/api/journal-entries", entry("E-" + s, "1e2", "100.00")), 400, "'1e2' is not an amount");
    }

    @Test
    void missingAndUnknownFieldsAreA400() {
        rejected(() -> api.post("/api/journal-entries", json("{'postingDate':'2026-03-05','lines':[]}")), 400, "entryId is required");
        rejected(() -> api.post("/api/accounts", json("{'number':'9999','name':'x','type':'ASSET','colour':'red'}")), 400,
                "unknown field 'colour'");
        rejected(() -> api.post("/api/accounts", json("{'number':'9999','name':'x','type':'PINK'}")), 400,
                "field 'type': 'PINK' is not one of ASSET, LIABILITY, EQUITY, REVENUE, EXPENSE");
        rejected(() -> api.post("/api/journal-entries", json("{'entryId':'E-" + s + "','postingDate':'2026-13-01','text':'t','lines':[]}")),
                400, "field 'postingDate': '2026-13-01' is not a date (yyyy-mm-dd)");
    }

    @Test
    void anUnbalancedEntryIsA422WithBothSums() {
        rejected(() -> api.post("/api/journal-entries", entry("E-" + s, "100.00", "90.00")), 422, "debit 100.00, credit 90.00");
    }

    @Test
    void postingToAnUnknownAccountIsA422NamingIt() {
        rejected(() -> api.post("/api/journal-entries", json("{'entryId':'E-" + s + "','postingDate':'2026-03-05','text':'t',"
                + "'lines':[{'account':'4711','debit':'1.00'},{'account':'5820','credit':'1.00'}]}")), 422,
                "account 4711 does not exist; create it in the chart of accounts");
    }

    @Test
    void postingToTwoUnknownAccountsNamesBothAndSaysCreateThem() {
        rejected(() -> api.post("/api/journal-entries", json("{'entryId':'E-" + s + "','postingDate':'2026-03-05','text':'t',"
                + "'lines':[{'account':'4711','debit':'1.00'},{'account':'4712','credit':'1.00'}]}")), 422,
                "accounts 4711, 4712 do not exist; create them in the chart of accounts (kontoplan) first");
    }

    @Test
    void theSameIdWithTheSamePayloadIsANoOpAndWithAnotherPayloadA409() {
        Api.Response first = api.post("/api/journal-entries", entry("E-" + s, "100.00", "100.00"));
        assertThat(first.status()).isEqualTo(201);
        long after = events();
        Api.Response again = api.post("/api/journal-entries", entry("E-" + s, "100.00", "100.00"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("outcome").asText()).isEqualTo("REPLAYED");
        assertThat(events()).isEqualTo(after);
        rejected(() -> api.post("/api/journal-entries", entry("E-" + s, "200.00", "200.00")), 409, "with a different payload");
        rejected(() -> api.post("/api/open-items", invoice("E-" + s, "10.00")), 409, "already used by PostJournalEntry");
    }

    @Test
    void aSecondAccountWithTheSameNumberIsA409InTheBookkeepersWords() {
        rejected(() -> api.post("/api/accounts", json("{'number':'5820','name':'Other','type':'ASSET'}")), 409,
                "account 5820 already exists with another name or type");
        assertThat(api.post("/api/accounts", json("{'number':'5820','name':'Other','type':'ASSET'}")).detail()).doesNotContain("account:");
    }

    @Test
    void unknownIdsAreA404() {
        rejected(() -> api.post("/api/open-items/NOPE-" + s + "/write-offs", json("{'writeOffId':'W-" + s + "','postingDate':'2026-03-05',"
                + "'text':'x','account':'7250','amount':'1.00'}")), 404, "no open item with id 'NOPE-" + s + "'");
        rejected(() -> api.post("/api/journal-entries/NOPE-" + s + "/reversal",
                json("{'reversalId':'R-" + s + "','postingDate':'2026-03-05','text':'x'}")), 404, "no entry with id");
        rejected(() -> api.delete("/api/applications/NOPE-" + s), 404, "no entry with id");
        assertThat(api.get("/api/open-items/NOPE-" + s).status()).isEqualTo(404);
        assertThat(api.get("/api/accounts/NOPE").status()).isEqualTo(404);
    }

    @Test
    void overApplicationIsA422AndTheMissingAmountMeansTheMaximum() {
        assertThat(api.post("/api/open-items", invoice("INV-" + s, "500.00")).status()).isEqualTo(201);
        rejected(() -> api.post("/api/payments", json("{'paymentId':'PAY-" + s + "','party':'P-" + s + "','postingDate':'2026-03-10',"
                + "'text':'x','cashAccount':'5820','amount':'600.00','applications':[{'openItemId':'INV-" + s + "','amount':'500.01'}]}")),
                422, "only 500.00 remains");
        rejected(() -> api.post("/api/payments", json("{'paymentId':'PAY-" + s + "','party':'P-" + s + "','postingDate':'2026-03-10',"
                + "'text':'x','cashAccount':'5820','amount':'400.00','applications':[{'openItemId':'INV-" + s + "'}]}")),
                422, "the applications total 500.00 but the payment is only 400.00");
        rejected(() -> api.post("/api/payments", json("{'paymentId':'PAY-" + s + "','party':'OTHER','postingDate':'2026-03-10',"
                + "'text':'x','cashAccount':'5820','amount':'500.00','applications':[{'openItemId':'INV-" + s + "'}]}")),
                422, "belongs to party P-" + s);
        // 600 paid, 500 applied by default: the item closes and 100 stays as an open credit item under the payment's id.
        assertThat(api.post("/api/payments", json("{'paymentId':'PAY-" + s + "','party':'P-" + s + "','postingDate':'2026-03-10',"
                + "'text':'x','cashAccount':'5820','amount':'600.00','applications':[{'openItemId':'INV-" + s + "'}]}")).status())
                .isEqualTo(201);
        api.await("/api/open-items/INV-" + s, i -> i.get("status").asText().equals("CLOSED"));
        var credit = api.await("/api/open-items/PAY-" + s, i -> i.get("status").asText().equals("OPEN"));
        assertThat(credit.get("remaining").asText()).isEqualTo("-100.00");
        var open = api.await("/api/open-items?party=P-" + s, l -> l.size() == 1);
        assertThat(open.get(0).get("openItemId").asText()).isEqualTo("PAY-" + s);
    }

    @Test
    void aReversalCannotBeReversedAndAnEntryIsReversedOnce() {
        assertThat(api.post("/api/journal-entries", entry("E-" + s, "100.00", "100.00")).status()).isEqualTo(201);
        assertThat(api.post("/api/journal-entries/E-" + s + "/reversal",
                json("{'reversalId':'R-" + s + "','postingDate':'2026-03-06','text':'fejl'}")).status()).isEqualTo(201);
        rejected(() -> api.post("/api/journal-entries/E-" + s + "/reversal",
                json("{'reversalId':'R2-" + s + "','postingDate':'2026-03-06','text':'igen'}")), 422, "already reversed by R-" + s);
        rejected(() -> api.post("/api/journal-entries/R-" + s + "/reversal",
                json("{'reversalId':'R3-" + s + "','postingDate':'2026-03-06','text':'igen'}")), 422, "a reversal cannot be reversed");
        var bank = api.await("/api/accounts/5820", a -> a.get("postings").findValuesAsText("entryId").contains("R-" + s));
        assertThat(bank.get("postings").findValuesAsText("entryId")).contains("E-" + s, "R-" + s);
    }

    @Test
    void applyingACreditMemoAndUndoingItRestoresEveryRemainingAmount() {
        assertThat(api.post("/api/open-items", invoice("INV-" + s, "500.00")).status()).isEqualTo(201);
        assertThat(api.post("/api/open-items", invoice("CM-" + s, "-120.00")).status()).isEqualTo(201);
        String apply = json("{'applicationId':'APP-" + s + "','party':'P-" + s + "','postingDate':'2026-03-12','text':'kreditnota',"
                + "'applications':[{'openItemId':'INV-" + s + "'},{'openItemId':'CM-" + s + "'}]}");
        assertThat(api.post("/api/applications", apply).status()).isEqualTo(201);
        api.await("/api/open-items/INV-" + s, i -> i.get("remaining").asText().equals("380.00"));
        api.await("/api/open-items/CM-" + s, i -> i.get("status").asText().equals("CLOSED"));
        assertThat(api.delete("/api/applications/APP-" + s).status()).isEqualTo(200);
        rejected(() -> api.delete("/api/applications/APP-" + s), 422, "already undone");
        api.await("/api/open-items/INV-" + s, i -> i.get("remaining").asText().equals("500.00"));
        api.await("/api/open-items/CM-" + s, i -> i.get("remaining").asText().equals("-120.00"));
        rejected(() -> api.post("/api/applications", json("{'applicationId':'APP2-" + s + "','party':'P-" + s + "','postingDate':'2026-03-12',"
                + "'applications':[{'openItemId':'INV-" + s + "','amount':'100.00'},{'openItemId':'CM-" + s + "','amount':'-90.00'}]}")),
                422, "must net to 0.00; these sum to 10.00");
    }

    @Test
    void partiesOnSaldoGetPaymentsAppliedOldestDueDateFirst() {
        String party = "S-" + s;
        assertThat(api.put("/api/parties/" + party, json("{'applicationMethod':'SALDO'}")).status()).isEqualTo(200);
        for (String[] item : new String[][]{{"LATE", "2026-05-31"}, {"EARLY", "2026-04-30"}}) {
            assertThat(api.post("/api/open-items", json("{'openItemId':'" + item[0] + "-" + s + "','kind':'RECEIVABLE','party':'" + party
                    + "','documentNo':'D','postingDate':'2026-03-01','dueDate':'" + item[1] + "','text':'t','amount':'100.00',"
                    + "'controlAccount':'1100','offsetAccount':'1010'}")).status()).isEqualTo(201);
        }
        assertThat(api.post("/api/payments", json("{'paymentId':'PAY-" + s + "','party':'" + party + "','postingDate':'2026-03-10',"
                + "'text':'x','cashAccount':'5820','amount':'150.00'}")).status()).isEqualTo(201);
        api.await("/api/open-items/EARLY-" + s, i -> i.get("status").asText().equals("CLOSED"));
        api.await("/api/open-items/LATE-" + s, i -> i.get("remaining").asText().equals("50.00"));
    }

    @Test
    void aNegativeWriteOffRecordsThatTheCounterpartyPaidMore() {
        assertThat(api.post("/api/open-items", invoice("INV-" + s, "100.00")).status()).isEqualTo(201);
        assertThat(api.post("/api/open-items/INV-" + s + "/write-offs", json("{'writeOffId':'W-" + s + "','postingDate':'2026-03-05',"
                + "'text':'difference','account':'7250','amount':'-2.50'}")).status()).isEqualTo(201);
        api.await("/api/open-items/INV-" + s, i -> i.get("remaining").asText().equals("102.50"));
        rejected(() -> api.post("/api/open-items/INV-" + s + "/write-offs", json("{'writeOffId':'W2-" + s + "','postingDate':'2026-03-05',"
                + "'text':'too much','account':'7250','amount':'102.51'}")), 422, "it would leave -0.01");
    }

    @Test
    void theAuditShowsAnAggregatesEventsWithWhoAndCorrelation() {
        assertThat(api.post("/api/open-items", invoice("INV-" + s, "100.00")).status()).isEqualTo(201);
        var events = api.get("/api/audit/events?aggregateId=INV-" + s).body();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("type").asText()).isEqualTo("OpenItemRegistered");
        assertThat(events.get(0).get("metadata").get("user").asText()).isEqualTo("test-user");
        assertThat(events.get(0).get("metadata").get("correlationId").asText()).isNotBlank();
        assertThat(events.get(0).get("metadata").get("causationId").asText()).isNotBlank();
        assertThat(api.get("/api/audit/events?aggregateId=NOPE-" + s).status()).isEqualTo(404);
    }
}
