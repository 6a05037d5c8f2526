package dk.platform.ledger;

import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.HostileRequestsContract;
import dk.platform.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's classes of hostile input against the ledger's REST API, one test each: every one is a
 * 400 (or 401) problem+json that leaves the event store as it was. Tokens, health, odd paths and
 * oversized requests: {@link HostileRequestsContract}.
 */
@IntegrationTest
class HostileInputIT extends HostileRequestsContract {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    String s;
    String item;
    String entry;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        s = UUID.randomUUID().toString().substring(0, 8);
        TestChart.open(api);
        item = "HI-ITEM-" + s;
        entry = "HI-JE-" + s;
        assertThat(api.post("/api/open-items", json("{'openItemId':'" + item + "','kind':'RECEIVABLE','party':'HI-" + s + "',"
                + "'documentNo':'D1','postingDate':'2026-03-01','dueDate':'2026-03-31','text':'Faktura','amount':'100.00',"
                + "'controlAccount':'1100','offsetAccount':'1010'}")).status()).isBetween(200, 299);
        assertThat(api.post("/api/journal-entries", entry(entry)).status()).isBetween(200, 299);
    }

    @Override
    protected String writePath() {
        return "/api/journal-entries";
    }

    @Override
    protected String validBody() {
        return entry("HI-TOKEN-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    protected Object recorded() {
        return events();
    }

    @Override
    protected String idPathPrefix() {
        return "/api/accounts/";
    }

    long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    static String entry(String id) {
        return json("{'entryId':'" + id + "','postingDate':'2026-03-05','text':'t','lines':[{'account':'7250','debit':'10.00'},"
                + "{'account':'5820','credit':'10.00'}]}");
    }

    /** Posts the body and checks a 400 problem+json whose detail contains the words, with nothing stored. */
    void refused(String path, String body, String... detail) {
        long before = events();
        Api.Response r = api.post(path, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        if (detail.length > 0) {
            assertThat(r.detail()).as(r.toString()).contains(detail);
        }
        assertThat(r.detail().length()).isLessThanOrEqualTo(400);
        assertThat(events()).as("events stored by a refused command").isEqualTo(before);
    }

    // ------------------------------------------------------------------ 1 dates

    @Test
    void aDateWrittenAsANumberIsRefusedNamingTheField() {
        refused("/api/journal-entries", entry("HI-D1-" + s).replace("\"2026-03-05\"", "20260305"), "postingDate");
        refused("/api/open-items/" + item + "/write-offs", json("{'writeOffId':'HI-D2-" + s + "','postingDate':20260420,'text':'x',"
                + "'account':'7250','amount':'1.00'}"), "postingDate");
    }

    @Test
    void signedFiveDigitYearZeroAndDatetimeDatesAreRefused() {
        for (String date : new String[]{"+12026-01-01", "-2026-01-01", "0000-01-01", "2026-03-05T00:00:00", "2026-02-30", "3000-01-01",
                "1899-12-31"}) {
            refused("/api/journal-entries", entry("HI-D3-" + s).replace("2026-03-05", date), "postingDate");
        }
    }

    // ------------------------------------------------------------------ 2 lenient JSON

    @Test
    void trailingContentAfterTheBodyIsRefused() {
        String body = entry("HI-T-" + s);
        refused("/api/journal-entries", body + "xyz");
        refused("/api/journal-entries", body + body);
        refused("/api/journal-entries", body + "]");
    }

    @Test
    void numbersAndBooleansAreNotCoercedToEnumsOrStrings() {
        refused("/api/accounts", json("{'number':'HI-A-" + s + "','name':'x','type':1}"), "type");
        refused("/api/open-items", json("{'openItemId':'HI-K-" + s + "','kind':0,'party':'P','documentNo':'D1','postingDate':'2026-03-01',"
                + "'dueDate':'2026-03-31','text':'t','amount':'1.00','controlAccount':'1100','offsetAccount':'1010'}"), "kind");
        refused("/api/journal-entries", entry("HI-B-" + s).replace("\"HI-B-" + s + "\"", "true"), "entryId");
        refused("/api/journal-entries", entry("HI-N-" + s).replace("\"10.00\"", "10.00"), "debit");
        refused("/api/journal-entries", entry("HI-E-" + s).replace("\"10.00\"", "\"1e1\""));
        assertThat(api.get("/api/accounts/HI-A-" + s).status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ 3 control characters

    @Test
    void aNulInAnAccountNameOrNumberIsA400NotA500() {
        refused("/api/accounts", "{\"number\":\"HI-NUL-" + s + "\",\"name\":\"Bank\\u0000\",\"type\":\"ASSET\"}", "name");
        refused("/api/accounts", "{\"number\":\"HI\\u0000" + s + "\",\"name\":\"Bank\",\"type\":\"ASSET\"}", "number");
        refused("/api/journal-entries", entry("HI-C-" + s).replace("\"7250\"", "\"72\\u000050\""), "account");
        refused("/api/funds", "{\"fund\":\"7\\u00001\",\"name\":\"x\",\"fundClass\":\"GOVERNMENTAL\"}", "fund");
        refused("/api/funds", "{\"fund\":\"71\",\"name\":\"x\",\"fundClass\":\"GOV\\u0000\"}", "fundClass");
        refused("/api/journal-entries", entry("HI-C2-" + s).replace("\"t\"", "\"a\\u001bb\""), "text");
    }

    // ------------------------------------------------------------------ 4 sizes and shapes of ids

    @Test
    void dotsAsEntryOrOpenItemIdAreRefused() {
        refused("/api/journal-entries", entry(".."), "entryId");
        refused("/api/journal-entries", entry("."), "entryId");
        refused("/api/journal-entries/" + entry + "/reversal", json("{'reversalId':'..','postingDate':'2026-04-01','text':'r'}"),
                "reversalId");
        refused("/api/open-items/" + item + "/write-offs", json("{'writeOffId':'..','postingDate':'2026-04-20','text':'x',"
                + "'account':'7250','amount':'1.00'}"), "writeOffId");
    }

    @Test
    void aTenThousandCharacterIdIsEchoedAtMostAsAShortPrefix() {
        String huge = "a".repeat(10_000);
        long before = events();
        Api.Response r = api.post("/api/journal-entries", entry(huge));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.detail()).contains("entryId").doesNotContain("a".repeat(100));
        assertThat(r.body().toString().length()).isLessThan(1000);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aHundredThousandCharacterDocumentNoIsRefused() {
        refused("/api/open-items", json("{'openItemId':'HI-DOC-" + s + "','kind':'RECEIVABLE','party':'P','documentNo':'" + "9".repeat(100_000)
                + "','postingDate':'2026-03-01','dueDate':'2026-03-31','text':'t','amount':'1.00','controlAccount':'1100',"
                + "'offsetAccount':'1010'}"), "documentNo");
    }

    // ------------------------------------------------------------------ 5 required text

    @Test
    void textMissingIsRefusedOnEntryReversalOpenItemWriteOffPaymentAndApplication() {
        refused("/api/journal-entries", json("{'entryId':'HI-X1-" + s + "','postingDate':'2026-03-05','lines':[{'account':'7250','debit':'1.00'},"
                + "{'account':'5820','credit':'1.00'}]}"), "text");
        refused("/api/journal-entries/" + entry + "/reversal", json("{'reversalId':'HI-X2-" + s + "','postingDate':'2026-04-01'}"), "text");
        refused("/api/open-items", json("{'openItemId':'HI-X3-" + s + "','kind':'RECEIVABLE','party':'P','documentNo':'D1',"
                + "'postingDate':'2026-03-01','dueDate':'2026-03-31','amount':'1.00','controlAccount':'1100','offsetAccount':'1010'}"), "text");
        refused("/api/open-items/" + item + "/write-offs", json("{'writeOffId':'HI-X4-" + s + "','postingDate':'2026-04-20',"
                + "'account':'7250','amount':'1.00'}"), "text");
        refused("/api/payments", json("{'paymentId':'HI-X5-" + s + "','party':'HI-" + s + "','postingDate':'2026-04-20',"
                + "'cashAccount':'5820','amount':'1.00','applications':[{'openItemId':'" + item + "'}]}"), "text");
        assertThat(api.post("/api/open-items", json("{'openItemId':'" + item + "-2','kind':'RECEIVABLE','party':'HI-" + s + "',"
                + "'documentNo':'CM1','postingDate':'2026-03-01','dueDate':'2026-03-31','text':'Kreditnota','amount':'-10.00',"
                + "'controlAccount':'1100','offsetAccount':'1010'}")).status()).isBetween(200, 299);
        refused("/api/applications", json("{'applicationId':'HI-X6-" + s + "','party':'HI-" + s + "','postingDate':'2026-04-21',"
                + "'applications':[{'openItemId':'" + item + "'},{'openItemId':'" + item + "-2'}]}"), "text");
    }
}
