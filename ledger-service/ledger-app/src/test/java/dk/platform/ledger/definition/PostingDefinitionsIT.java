package dk.platform.ledger.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.Projections;
import dk.platform.test.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    @Autowired
    DataSource dataSource;
    Api api;

    /** The definitions a test made, retired after it: one active per type and class, and the tests share a database. */
    final Set<String> defined = new LinkedHashSet<>();

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @AfterEach
    void retireTheDefinitionsMade() {
        for (String id : defined) {
            if (api.get("/api/posting-definitions/" + id).status() == 200) {
                assertThat(api.delete("/api/posting-definitions/" + id).status()).isEqualTo(200);
            }
        }
    }

    /** Creates a definition (201) and retires it after the test. */
    void define(String singleQuoted) {
        String body = json(singleQuoted);
        Api.Response r = api.post("/api/posting-definitions", body);
        created(r);
        defined.add(r.body().get("id").asText());
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
        define("{'definitionId':'BUDGET','transactionType':'BUDGET_ORIGINAL','rows':["
                + "{'accountStructure':'EXPENSE','matchAccount':'','priority':1,'generated':[{'account':'-36300','side':'SAME'},{'account':'-36350','side':'BALANCE'}]},"
                + "{'accountStructure':'REVENUE','matchAccount':'','priority':1,'generated':[{'account':'-36300','side':'BALANCE'},{'account':'-36340','side':'SAME'}]}]}");
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
        define("{'definitionId':'ADV','transactionType':'ADVANCED_ENTRY','rows':["
                + "{'accountStructure':'ANY','matchAccount':'300- -','priority':1,'generated':[{'account':'300-11001','side':'BALANCE'},"
                + "{'account':'900-11001','side':'BALANCE'},{'account':'900-37300','side':'SAME'}]},"
                + "{'accountStructure':'ANY','matchAccount':'100- -','priority':1,'generated':[{'account':'100-11001','side':'BALANCE'},"
                + "{'account':'900-11001','side':'BALANCE'},{'account':'900-37301','side':'SAME'}]}]}");
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
        define("{'definitionId':'POOLED','transactionType':'SETTLEMENT','rows':["
                + "{'accountStructure':'BALANCE','matchAccount':'999','priority':1,'generated':[]},"
                + "{'accountStructure':'BALANCE','matchAccount':'101','priority':1,'generated':[{'account':'101-11010','side':'BALANCE'},"
                + "{'account':'999-37101','side':'SAME'}]}]}");
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
        define("{'definitionId':'CLOSE-GOV','transactionType':'YEAR_END_CLOSE','fundClass':'GOVERNMENTAL','rows':["
                + "{'accountStructure':'EXPENSE','priority':1,'generated':[{'account':'-39000','side':'BALANCE'}]},"
                + "{'accountStructure':'REVENUE','priority':1,'generated':[{'account':'-39000','side':'BALANCE'}]}]}");
        define("{'definitionId':'CLOSE-PROP','transactionType':'YEAR_END_CLOSE','fundClass':'PROPRIETARY','rows':["
                + "{'accountStructure':'EXPENSE','priority':1,'generated':[{'account':'-38000','side':'BALANCE'}]},"
                + "{'accountStructure':'REVENUE','priority':1,'generated':[{'account':'-38000','side':'BALANCE'}]}]}");
        post("Y1", "2030-03-01", "501-4000", "501-5820", "700.00");
        post("Y2", "2030-06-01", "501-5820", "501-3000", "1000.00");
        post("Y3", "2030-03-01", "601-4000", "601-5820", "300.00");
        post("Y4", "2030-06-01", "601-5820", "601-3000", "500.00");
        post("Y5", "2031-01-05", "501-4000", "501-5820", "99.00");

        Api.Response gov = api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2030-GOV','fiscalYear':2030,'fundClass':'GOVERNMENTAL'}"));
        created(gov);
        assertThat(gov.body().get("outcome").asText()).isEqualTo("POSTED");
        assertThat(closed(gov.body())).containsExactly("GOVERNMENTAL: 501-3000 -1000.00, 501-4000 700.00 = -300.00");
        assertThat(lines(gov.body().get("lines"))).containsExactly("501-3000 D 1000.00", "501-4000 K 700.00", "501-39000 K 1000.00", "501-39000 D 700.00");
        Api.Response replayed = api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2030-GOV','fiscalYear':2030,'fundClass':'GOVERNMENTAL'}"));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(closed(replayed.body())).as("the same answer when replayed").isEqualTo(closed(gov.body()));
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
        define("{'definitionId':'WO','transactionType':'WRITE_OFF','rows':"
                + "[{'accountStructure':'ANY','matchAccount':'700','priority':1,'generated':[{'account':'-99999','side':'SAME'},{'account':'-2','side':'BALANCE'}]}]}");
        Api.Response missing = api.post("/api/journal-entries", json("{'entryId':'WO-1','postingDate':'2026-05-02','text':'x',"
                + "'transactionType':'WRITE_OFF','lines':[{'account':'700-1','debit':'1.00'},{'account':'700-2','credit':'1.00'}]}"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.detail()).contains("generated account 700-99999 does not exist (posting definition WO row 1)");
        assertThat(api.get("/api/audit/events?aggregateId=WO-1").status()).isEqualTo(404);
    }

    /** "class: account balance, ... = net" per closed class. */
    static List<String> closed(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("closed").forEach(c -> {
            List<String> accounts = new ArrayList<>();
            c.get("accounts").forEach(a -> accounts.add(a.get("account").asText() + " " + a.get("balance").asText()));
            out.add((!c.hasNonNull("fundClass") ? "(no class)" : c.get("fundClass").asText()) + ": " + String.join(", ", accounts)
                    + " = " + c.get("net").asText());
        });
        return out;
    }

    static String closeRows(String fundBalance) {
        return "'rows':[{'accountStructure':'EXPENSE','priority':1,'generated':[{'account':'" + fundBalance + "','side':'BALANCE'}]},"
                + "{'accountStructure':'REVENUE','priority':1,'generated':[{'account':'" + fundBalance + "','side':'BALANCE'}]}]";
    }

    void fund(String fund, String fundClass) {
        created(api.post("/api/funds", json("{'fund':'" + fund + "','name':'Fond " + fund + "','fundClass':'" + fundClass + "'}")));
        accounts("EXPENSE", fund + "-4000");
        accounts("REVENUE", fund + "-3000");
        accounts("ASSET", fund + "-5820");
        accounts("EQUITY", fund + "-39000");
    }

    @Test
    void aSecondDefinitionForTheSameTypeAndClassIsRefusedNamingTheFirstAndGetShowsWhichApplies() {
        String rows = "'rows':[{'accountStructure':'ANY','matchAccount':'950','priority':1,'generated':[]}]";
        define("{'definitionId':'P3-GEN','transactionType':'ADVANCED_ENTRY'," + rows + "}");
        Api.Response second = api.post("/api/posting-definitions", json("{'definitionId':'P3-GEN-2','transactionType':'ADVANCED_ENTRY'," + rows + "}"));
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.detail()).isEqualTo("posting definition P3-GEN is already the active ADVANCED_ENTRY definition for every fund class"
                + " (no fundClass); there is one per transaction type and fund class: change P3-GEN with PUT /api/posting-definitions/P3-GEN,"
                + " or retire it (DELETE) first");
        define("{'definitionId':'P3-TRUST','transactionType':'ADVANCED_ENTRY','fundClass':'TRUST'," + rows + "}");
        Api.Response trust = api.post("/api/posting-definitions", json("{'definitionId':'P3-TRUST-2','transactionType':'ADVANCED_ENTRY','fundClass':'TRUST'," + rows + "}"));
        assertThat(trust.status()).isEqualTo(409);
        assertThat(trust.detail()).startsWith("posting definition P3-TRUST is already the active ADVANCED_ENTRY definition for fund class TRUST;");
        Api.Response moved = api.put("/api/posting-definitions/P3-GEN", json("{'transactionType':'ADVANCED_ENTRY','fundClass':'TRUST'," + rows + "}"));
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.detail()).startsWith("posting definition P3-TRUST is already the active ADVANCED_ENTRY definition for fund class TRUST;");
        assertThat(api.get("/api/posting-definitions/P3-GEN-2").status()).as("the refused one is not there").isEqualTo(404);

        JsonNode forTrust = api.get("/api/posting-definitions?transactionType=ADVANCED_ENTRY&fundClass=TRUST").body();
        assertThat(forTrust).hasSize(1);
        assertThat(forTrust.get(0).get("definitionId").asText()).isEqualTo("P3-TRUST");
        assertThat(forTrust.get(0).get("appliesTo").asText()).isEqualTo("ADVANCED_ENTRY entries of funds of class TRUST");
        JsonNode forOthers = api.get("/api/posting-definitions?transactionType=ADVANCED_ENTRY&fundClass=ENTERPRISE").body();
        assertThat(forOthers.get(0).get("definitionId").asText()).isEqualTo("P3-GEN");
        assertThat(api.get("/api/posting-definitions/P3-GEN").body().get("appliesTo").asText())
                .isEqualTo("ADVANCED_ENTRY entries of every fund class without a ADVANCED_ENTRY definition of its own, and of funds without a class");
    }

    @Test
    void definitionsForOneTypeAndClassCreatedAtTheSameMomentLeaveExactlyOneActive() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "RACE-" + i;
            defined.add(id);
            Callable<Api.Response> create = () -> api.post("/api/posting-definitions", json("{'definitionId':'" + id + "','transactionType':'SETTLEMENT',"
                    + "'fundClass':'RACE','rows':[{'accountStructure':'ANY','matchAccount':'951','priority':1,'generated':[]}]}"));
            answers.add(pool.submit(create));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> f : answers) {
            Api.Response r = f.get();
            statuses.add(r.status());
            if (r.status() == 409) {
                assertThat(r.detail()).containsAnyOf("is already the active SETTLEMENT definition for fund class RACE", "registered at the same moment");
            }
        }
        pool.shutdown();
        assertThat(statuses).as(statuses.toString()).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        long active = 0;
        for (JsonNode d : api.get("/api/posting-definitions").body()) {
            active += d.get("definitionId").asText().startsWith("RACE-") ? 1 : 0;
        }
        assertThat(active).isEqualTo(1);
    }

    @Test
    void aDefinitionThatRacesAnotherPastTheCheckIsStoppedByTheUniqueIndexInItsOwnTransaction() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            // another definition's transaction, not yet committed: the command's check cannot see it
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.executeUpdate("INSERT INTO posting_definition (definition_id, transaction_type, fund_class, version, rows_json, retired)"
                        + " VALUES ('P3-FIRST', 'ADVANCED_ENTRY', 'RACING', 1, '[]', false)");
            }
            Future<Api.Response> second = pool.submit(() -> api.post("/api/posting-definitions", json("{'definitionId':'P3-SECOND',"
                    + "'transactionType':'ADVANCED_ENTRY','fundClass':'RACING','rows':[{'accountStructure':'ANY','matchAccount':'954','priority':1,'generated':[]}]}")));
            Thread.sleep(1500);
            assertThat(second.isDone()).as("the second waits on the index for the first to commit").isFalse();
            other.commit();
            Api.Response r = second.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.detail()).startsWith("posting definition P3-FIRST is already the active ADVANCED_ENTRY definition for fund class RACING;");
            assertThat(api.get("/api/audit/events?aggregateId=definition:P3-SECOND").status()).as("nothing of it is stored").isEqualTo(404);
        } finally {
            pool.shutdown();
            new JdbcTemplate(dataSource).update("DELETE FROM posting_definition WHERE definition_id = 'P3-FIRST'");
        }
    }

    @Test
    void aRetiredDefinitionPostedAgainIsGoneUntilPutReactivatesIt() {
        String body = "{'definitionId':'P3-OLD','transactionType':'ADVANCED_ENTRY','fundClass':'RETIRING','rows':"
                + "[{'accountStructure':'ANY','matchAccount':'952','priority':1,'generated':[]}]}";
        define(body);
        assertThat(api.delete("/api/posting-definitions/P3-OLD").status()).isEqualTo(200);
        Api.Response again = api.post("/api/posting-definitions", json(body));
        assertThat(again.status()).as(again.toString()).isEqualTo(410);
        assertThat(again.detail()).isEqualTo("posting definition P3-OLD was retired (version 1) and stays retired; to use it again,"
                + " PUT /api/posting-definitions/P3-OLD with its rows (that makes version 2), or POST it under a new definitionId");
        assertThat(api.get("/api/posting-definitions/P3-OLD").status()).isEqualTo(404);
        created(api.put("/api/posting-definitions/P3-OLD", json(body)));
        assertThat(api.get("/api/posting-definitions/P3-OLD").body().get("version").asInt()).isEqualTo(2);
        assertThat(api.post("/api/posting-definitions", json(body)).status()).as("active again: the same body is a replay").isEqualTo(200);
    }

    @Test
    void definitionIdsFollowTheSharedIdRule() {
        String rest = "'transactionType':'ADVANCED_ENTRY','fundClass':'IDS','rows':[{'accountStructure':'ANY','matchAccount':'953','priority':1,'generated':[]}]}";
        Api.Response dots = api.post("/api/posting-definitions", json("{'definitionId':'..'," + rest));
        assertThat(dots.status()).isEqualTo(400);
        assertThat(dots.detail()).contains("definitionId '..' is not a valid id");
        assertThat(api.post("/api/posting-definitions", json("{'definitionId':true," + rest)).status()).as("not a string").isEqualTo(400);
        define("{'definitionId':'true'," + rest);
    }

    @Test
    void aYearIsClosedOnlyAfterTheYearBeforeAndThePreviewShowsTheLinesWithoutPosting() {
        fund("711", "ENTERPRISE");
        define("{'definitionId':'CLOSE-ENT','transactionType':'YEAR_END_CLOSE','fundClass':'ENTERPRISE'," + closeRows("-39000") + "}");
        post("E1", "2032-05-01", "711-4000", "711-5820", "400.00");
        post("E2", "2033-05-01", "711-5820", "711-3000", "250.00");

        Api.Response tooEarly = api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2033-ENT','fiscalYear':2033,'fundClass':'ENTERPRISE'}"));
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.detail()).isEqualTo("fiscal year 2032 is still open for fund class ENTERPRISE: account 711-4000 (400.00) has a balance"
                + " on 2032-12-31; close 2032 first (years close in order; preview it with POST /api/year-end-closings/preview)");
        assertThat(api.post("/api/year-end-closings/preview", json("{'fiscalYear':2033,'fundClass':'ENTERPRISE'}")).status())
                .as("the preview refuses as the close would").isEqualTo(422);

        Api.Response preview = api.post("/api/year-end-closings/preview", json("{'fiscalYear':2032,'fundClass':'ENTERPRISE'}"));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(closed(preview.body())).containsExactly("ENTERPRISE: 711-4000 400.00 = 400.00");
        assertThat(lines(preview.body().get("lines"))).containsExactly("711-4000 K 400.00", "711-39000 D 400.00");
        assertThat(preview.body().get("postingDate").asText()).isEqualTo("2032-12-31");
        assertThat(balanceAsOf("711-4000", "2032-12-31")).as("the preview posts nothing").isEqualTo(Money.of("400.00"));

        Api.Response close2032 = api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2032-ENT','fiscalYear':2032,'fundClass':'ENTERPRISE'}"));
        created(close2032);
        assertThat(lines(close2032.body().get("lines"))).isEqualTo(lines(preview.body().get("lines")));
        Api.Response close2033 = api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2033-ENT','fiscalYear':2033,'fundClass':'ENTERPRISE'}"));
        created(close2033);
        assertThat(closed(close2033.body())).containsExactly("ENTERPRISE: 711-3000 -250.00 = -250.00");
        assertThat(balanceAsOf("711-39000", "2033-12-31")).isEqualTo(Money.of("150.00"));
    }

    @Test
    void aCloseWithoutAClassClosesOnlyTheClassesThatHaveADefinitionAndListsWhatItClosed() {
        fund("721", "SPECIAL_REVENUE");
        fund("731", "CAPITAL_PROJECTS");
        define("{'definitionId':'CLOSE-SR','transactionType':'YEAR_END_CLOSE','fundClass':'SPECIAL_REVENUE'," + closeRows("-39000") + "}");
        post("S1", "2034-02-01", "721-4000", "721-5820", "120.00");
        post("S2", "2034-02-01", "721-5820", "721-3000", "200.00");
        post("C1", "2034-02-01", "731-4000", "731-5820", "55.00");

        Api.Response all = api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2034','fiscalYear':2034}"));
        created(all);
        assertThat(closed(all.body())).containsExactly("SPECIAL_REVENUE: 721-3000 -200.00, 721-4000 120.00 = -80.00");
        assertThat(balanceAsOf("731-4000", "2034-12-31")).as("no definition for CAPITAL_PROJECTS: untouched").isEqualTo(Money.of("55.00"));

        // a definition without a class applies to every class without its own (as for any entry): now CAPITAL_PROJECTS closes too
        define("{'definitionId':'CLOSE-ANY','transactionType':'YEAR_END_CLOSE','rows':["
                + "{'accountStructure':'EXPENSE','matchAccount':'731','priority':1,'generated':[{'account':'-39000','side':'BALANCE'}]},"
                + "{'accountStructure':'REVENUE','matchAccount':'731','priority':1,'generated':[{'account':'-39000','side':'BALANCE'}]}]}");
        JsonNode preview = api.post("/api/year-end-closings/preview", json("{'fiscalYear':2034}")).body();
        assertThat(closed(preview)).containsExactly("CAPITAL_PROJECTS: 731-4000 55.00 = 55.00");
        Api.Response rest = api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2034-REST','fiscalYear':2034}"));
        created(rest);
        assertThat(closed(rest.body())).isEqualTo(closed(preview));
        Api.Response again = api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2034-AGAIN','fiscalYear':2034,'fundClass':'SPECIAL_REVENUE'}"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.detail()).contains("already closed by entry CLOSE-2034");
    }

    @Test
    void aReversedCloseReopensTheYearAndTheNextCloseSweepsTheBalancesAsTheyStandReversalIncluded() {
        fund("741", "PENSION_TRUST");
        define("{'definitionId':'CLOSE-PT','transactionType':'YEAR_END_CLOSE','fundClass':'PENSION_TRUST'," + closeRows("-39000") + "}");
        post("PT1", "2035-03-01", "741-4000", "741-5820", "100.00");
        created(api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2035-PT','fiscalYear':2035,'fundClass':'PENSION_TRUST'}")));
        created(api.post("/api/journal-entries/CLOSE-2035-PT/reversal", json("{'reversalId':'CLOSE-2035-PT-R','postingDate':'2036-01-10',"
                + "'text':'Årsafslutning for tidligt'}")));
        post("PT2", "2035-11-30", "741-5820", "741-3000", "140.00");

        Api.Response next = api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2036-PT','fiscalYear':2036,'fundClass':'PENSION_TRUST'}"));
        assertThat(next.status()).as("the reversal re-opened 2035").isEqualTo(422);
        assertThat(next.detail()).startsWith("fiscal year 2035 is still open for fund class PENSION_TRUST: accounts 741-3000 (-140.00), 741-4000 (100.00)");

        Api.Response again = api.post("/api/year-end-closings", json("{'closingId':'CLOSE-2035-PT-2','fiscalYear':2035,'fundClass':'PENSION_TRUST'}"));
        created(again);
        assertThat(closed(again.body())).containsExactly("PENSION_TRUST: 741-3000 -140.00, 741-4000 100.00 = -40.00");
        assertThat(lines(again.body().get("lines"))).containsExactly("741-3000 D 140.00", "741-4000 K 100.00", "741-39000 K 140.00", "741-39000 D 100.00");
        assertThat(balanceAsOf("741-4000", "2036-01-31")).isEqualTo(Money.ZERO);
        assertThat(balanceAsOf("741-3000", "2036-01-31")).isEqualTo(Money.ZERO);
        assertThat(balanceAsOf("741-39000", "2036-01-31")).as("the year's surplus, K 40.00").isEqualTo(Money.of("-40.00"));
        Api.Response nothingLeft = api.post("/api/year-end-closings/preview", json("{'fiscalYear':2036,'fundClass':'PENSION_TRUST'}"));
        assertThat(nothingLeft.status()).isEqualTo(422);
        assertThat(nothingLeft.detail()).startsWith("no account the YEAR_END_CLOSE definition matches has a balance on 2036-12-31");
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
