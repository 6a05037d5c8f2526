package dk.platform.ledger.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.Projections;
import dk.platform.test.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.ArrayList;
import java.util.List;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §2's worked examples, the preview and the year-end close, through the REST API. */
@IntegrationTest
class PostingDefinitionsIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    void accounts(String type, String... numbers) {
        for (String n : numbers) {
            Api.Response r = api.post("/api/accounts", json("{'number':'" + n + "','name':'Konto " + n + "','type':'" + type + "'}"));
            assertThat(r.status()).as(r.toString()).isIn(200, 201);
        }
    }

    void created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    Money balance(String account) {
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        return Money.of(api.get("/api/accounts/" + account).body().get("balance").asText());
    }

    static List<String> lines(JsonNode lines) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add(l.get("account").asText() + (l.has("debit") ? " D " + l.get("debit").asText() : " K " + l.get("credit").asText())));
        return out;
    }

    @Test
    void budgetAppropriationPostsOnlyTheGeneratedLinesAndThePreviewShowsTheSame() {
        accounts("EXPENSE", "101-606400-OU_1-OU_3566-Training");
        accounts("EQUITY", "101-36300", "101-36350", "101-36340");
        created(api.post("/api/posting-definitions", json("{'definitionId':'BUDGET','transactionType':'BUDGET_ORIGINAL','rows':["
                + "{'accountStructure':'EXPENSE','matchAccount':'','priority':1,'generated':[{'account':'-36300','side':'SAME'},{'account':'-36350','side':'BALANCE'}]},"
                + "{'accountStructure':'REVENUE','matchAccount':'','priority':1,'generated':[{'account':'-36300','side':'BALANCE'},{'account':'-36340','side':'SAME'}]}]}")));
        String entry = json("{'entryId':'BUD-2026-1','postingDate':'2026-01-02','text':'Budget','transactionType':'BUDGET_ORIGINAL',"
                + "'lines':[{'account':'101-606400-OU_1-OU_3566-Training','credit':'250.00'}]}");

        JsonNode preview = api.post("/api/posting-definitions/preview", entry).body();
        assertThat(lines(preview.get("posted"))).containsExactly("101-36300 K 250.00", "101-36350 D 250.00");
        assertThat(preview.get("balanced").asBoolean()).isTrue();

        created(api.post("/api/journal-entries", entry));
        JsonNode event = api.get("/api/audit/events?aggregateId=BUD-2026-1").body().get(0).get("payload");
        assertThat(lines(event.get("lines"))).isEqualTo(lines(preview.get("posted")));
        assertThat(event.get("lines").get(0).get("generatedBy").get("definitionId").asText()).isEqualTo("BUDGET");
        assertThat(lines(event.get("budgetLines"))).containsExactly("101-606400-OU_1-OU_3566-Training K 250.00");
        assertThat(balance("101-36300")).isEqualTo(Money.of("-250.00"));
        assertThat(balance("101-36350")).isEqualTo(Money.of("250.00"));
        assertThat(balance("101-606400-OU_1-OU_3566-Training")).as("budget lines do not post").isEqualTo(Money.ZERO);
        JsonNode posting = api.get("/api/accounts/101-36300").body().get("postings").get(0);
        assertThat(posting.get("generatedBy").get("row").asInt()).isEqualTo(1);
        assertThat(posting.get("generatedBy").get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aCorrectionBetweenFundsGeneratesSixBalancedLines() {
        accounts("ASSET", "300-12300-51002", "100-39810-51001", "300-11001", "900-11001", "100-11001");
        accounts("EQUITY", "900-37300", "900-37301");
        created(api.post("/api/posting-definitions", json("{'definitionId':'ADV','transactionType':'ADVANCED_ENTRY','rows':["
                + "{'accountStructure':'ANY','matchAccount':'300- -','priority':1,'generated':[{'account':'300-11001','side':'BALANCE'},"
                + "{'account':'900-11001','side':'BALANCE'},{'account':'900-37300','side':'SAME'}]},"
                + "{'accountStructure':'ANY','matchAccount':'100- -','priority':1,'generated':[{'account':'100-11001','side':'BALANCE'},"
                + "{'account':'900-11001','side':'BALANCE'},{'account':'900-37301','side':'SAME'}]}]}")));
        created(api.post("/api/journal-entries", json("{'entryId':'ADV-1','postingDate':'2026-05-02','text':'Omkontering',"
                + "'transactionType':'ADVANCED_ENTRY','lines':[{'account':'300-12300-51002','debit':'350.00'},{'account':'100-39810-51001','credit':'350.00'}]}")));
        JsonNode event = api.get("/api/audit/events?aggregateId=ADV-1").body().get(0).get("payload");
        assertThat(lines(event.get("lines"))).containsExactly("300-12300-51002 D 350.00", "100-39810-51001 K 350.00",
                "300-11001 K 350.00", "900-11001 K 350.00", "900-37300 D 350.00", "100-11001 D 350.00", "900-11001 D 350.00", "900-37301 K 350.00");
        assertThat(balance("300-11001")).isEqualTo(Money.of("-350.00"));
        assertThat(balance("900-11001")).isEqualTo(Money.ZERO);
        assertThat(balance("900-37300")).isEqualTo(Money.of("350.00"));
        assertThat(balance("100-11001")).isEqualTo(Money.of("350.00"));
        assertThat(balance("900-37301")).isEqualTo(Money.of("-350.00"));
    }

    @Test
    void pooledCashSettledByTheCashiersFundNetsAsTheSpecSays() {
        accounts("EXPENSE", "101-66100-150");
        accounts("LIABILITY", "101-24210", "999-24210");
        accounts("ASSET", "999-11020", "101-11010");
        accounts("EQUITY", "999-37101");
        created(api.post("/api/posting-definitions", json("{'definitionId':'POOLED','transactionType':'SETTLEMENT','rows':["
                + "{'accountStructure':'BALANCE','matchAccount':'999','priority':1,'generated':[]},"
                + "{'accountStructure':'BALANCE','matchAccount':'101','priority':1,'generated':[{'account':'101-11010','side':'BALANCE'},"
                + "{'account':'999-37101','side':'SAME'}]}]}")));
        created(api.post("/api/journal-entries", json("{'entryId':'POOL-INV','postingDate':'2026-06-01','text':'Faktura',"
                + "'lines':[{'account':'101-66100-150','debit':'250.00'},{'account':'101-24210','credit':'250.00'}]}")));
        created(api.post("/api/journal-entries", json("{'entryId':'POOL-PAY','postingDate':'2026-06-05','text':'Betaling',"
                + "'lines':[{'account':'999-24210','debit':'250.00'},{'account':'999-11020','credit':'250.00'}]}")));
        created(api.post("/api/journal-entries", json("{'entryId':'POOL-SET','postingDate':'2026-06-06','text':'Afregning','transactionType':'SETTLEMENT',"
                + "'lines':[{'account':'999-24210','credit':'250.00'},{'account':'101-24210','debit':'250.00'}]}")));
        assertThat(balance("999-11020")).isEqualTo(Money.of("-250.00"));
        assertThat(balance("101-66100-150")).isEqualTo(Money.of("250.00"));
        assertThat(balance("101-11010")).isEqualTo(Money.of("-250.00"));
        assertThat(balance("999-37101")).isEqualTo(Money.of("250.00"));
        assertThat(balance("101-24210")).isEqualTo(Money.ZERO);
        assertThat(balance("999-24210")).isEqualTo(Money.ZERO);
    }

    @Test
    void theYearEndCloseBringsEachFundClassToZeroOnceWithItsOwnDefinition() {
        created(api.post("/api/funds", json("{'fund':'501','name':'Kommunekassen','fundClass':'GOVERNMENTAL'}")));
        created(api.post("/api/funds", json("{'fund':'601','name':'Forsyning','fundClass':'PROPRIETARY'}")));
        for (String f : new String[]{"501", "601"}) {
            accounts("EXPENSE", f + "-4000");
            accounts("REVENUE", f + "-3000");
            accounts("ASSET", f + "-5820");
        }
        accounts("EQUITY", "501-39000", "601-38000");
        created(api.post("/api/posting-definitions", json("{'definitionId':'CLOSE-GOV','transactionType':'YEAR_END_CLOSE','fundClass':'GOVERNMENTAL','rows':["
                + "{'accountStructure':'EXPENSE','priority':1,'generated':[{'account':'-39000','side':'BALANCE'}]},"
                + "{'accountStructure':'REVENUE','priority':1,'generated':[{'account':'-39000','side':'BALANCE'}]}]}")));
        created(api.post("/api/posting-definitions", json("{'definitionId':'CLOSE-PROP','transactionType':'YEAR_END_CLOSE','fundClass':'PROPRIETARY','rows':["
                + "{'accountStructure':'EXPENSE','priority':1,'generated':[{'account':'-38000','side':'BALANCE'}]},"
                + "{'accountStructure':'REVENUE','priority':1,'generated':[{'account':'-38000','side':'BALANCE'}]}]}")));
        post("Y1", "2030-03-01", "501-4000", "501-5820", "700.00");
        post("Y2", "2030-06-01", "501-5820", "501-3000", "1000.00");
        post("Y3", "2030-03-01", "601-4000", "601-5820", "300.00");
        post("Y4", "2030-06-01", "601-5820", "601-3000", "500.00");
        post("Y5", "2031-01-05", "501-4000", "501-5820", "99.00");

        created(api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2030-GOV','fiscalYear':2030,'fundClass':'GOVERNMENTAL'}")));
        assertThat(balanceAsOf("501-4000", "2030-12-31")).isEqualTo(Money.ZERO);
        assertThat(balanceAsOf("501-3000", "2030-12-31")).isEqualTo(Money.ZERO);
        assertThat(balanceAsOf("501-39000", "2030-12-31")).as("surplus into the fund balance").isEqualTo(Money.of("-300.00"));
        assertThat(balanceAsOf("601-4000", "2030-12-31")).as("the other class is untouched").isEqualTo(Money.of("300.00"));
        assertThat(balance("501-4000")).as("next year's postings stay").isEqualTo(Money.of("99.00"));

        Api.Response again = api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2030-GOV-2','fiscalYear':2030,'fundClass':'GOVERNMENTAL'}"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.detail()).contains("already closed by entry CLOSE-2030-GOV");

        created(api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2030-PROP','fiscalYear':2030,'fundClass':'PROPRIETARY'}")));
        assertThat(balanceAsOf("601-4000", "2030-12-31")).isEqualTo(Money.ZERO);
        assertThat(balanceAsOf("601-38000", "2030-12-31")).isEqualTo(Money.of("-200.00"));
        assertThat(api.get("/api/trial-balance").body().get("total").asText()).isEqualTo("0.00");
    }

    @Test
    void unclearDefinitionsAndGeneratedAccountsThatDoNotExistAreRefused() {
        Api.Response unknownType = api.post("/api/posting-definitions", json("{'definitionId':'BAD','transactionType':'NOPE','rows':"
                + "[{'accountStructure':'ANY','priority':1,'generated':[]}]}"));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.detail()).contains("transactionType 'NOPE' is unknown");
        Api.Response mask = api.post("/api/posting-definitions", json("{'definitionId':'BAD','transactionType':'WRITE_OFF','rows':"
                + "[{'accountStructure':'ANY','matchAccount':'1-2-3-4-5-6','priority':1,'generated':[]}]}"));
        assertThat(mask.status()).isEqualTo(400);
        assertThat(mask.detail()).contains("has 6 segments");

        accounts("ASSET", "700-1", "700-2");
        created(api.post("/api/posting-definitions", json("{'definitionId':'WO','transactionType':'WRITE_OFF','rows':"
                + "[{'accountStructure':'ANY','matchAccount':'700','priority':1,'generated':[{'account':'-99999','side':'SAME'},{'account':'-2','side':'BALANCE'}]}]}")));
        Api.Response missing = api.post("/api/journal-entries", json("{'entryId':'WO-1','postingDate':'2026-05-02','text':'x',"
                + "'transactionType':'WRITE_OFF','lines':[{'account':'700-1','debit':'1.00'},{'account':'700-2','credit':'1.00'}]}"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.detail()).contains("generated account 700-99999 does not exist (posting definition WO row 1)");
        assertThat(api.get("/api/audit/events?aggregateId=WO-1").status()).isEqualTo(404);
    }

    void post(String id, String date, String debit, String credit, String amount) {
        created(api.post("/api/journal-entries", json("{'entryId':'" + id + "','postingDate':'" + date + "','text':'t','lines':["
                + "{'account':'" + debit + "','debit':'" + amount + "'},{'account':'" + credit + "','credit':'" + amount + "'}]}")));
    }

    Money balanceAsOf(String account, String date) {
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        return Money.of(api.get("/api/accounts/" + account + "?asOf=" + date).body().get("balance").asText());
    }
}
