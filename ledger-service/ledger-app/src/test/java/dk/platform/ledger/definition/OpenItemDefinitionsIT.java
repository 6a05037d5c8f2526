package dk.platform.ledger.definition;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * SPEC §2 for the open-item commands: a write-off, a payment and an application each use the
 * definitions of their own transaction type (WRITE_OFF, PAYMENT, APPLICATION) unless the body names
 * another; generated lines post in the same entry, leave the items' remaining amounts alone and
 * never touch a control account; the preview answers for these commands too. The definitions are
 * the pooled-cash one of SPEC §2 (fund 999 pays for fund 101), for the fund class POOLED.
 */
@IntegrationTest
class OpenItemDefinitionsIT {

    static final String POOLED_ROWS = "'rows':[{'accountStructure':'BALANCE','matchAccount':'999','priority':1,'generated':[]},"
            + "{'accountStructure':'BALANCE','matchAccount':'101','priority':1,'generated':[{'account':'101-11010','side':'BALANCE'},"
            + "{'account':'999-37101','side':'SAME'}]}]";

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
        account("101-11530-CTL", "ASSET", true);
        accounts("REVENUE", "101-30100");
        accounts("EXPENSE", "101-66200");
        accounts("ASSET", "101-11010", "999-11020");
        accounts("EQUITY", "999-37101");
        ok(api.post("/api/funds", json("{'fund':'101','name':'Kassen','fundClass':'POOLED'}")));
        ok(api.post("/api/funds", json("{'fund':'999','name':'Kassererens fond','fundClass':'POOLED'}")));
        for (String type : new String[]{"WRITE_OFF", "PAYMENT", "APPLICATION"}) {
            ok(api.post("/api/posting-definitions", json("{'definitionId':'AR-" + type + "','transactionType':'" + type
                    + "','fundClass':'POOLED'," + POOLED_ROWS + "}")));
        }
        // a definition that would post onto the control account: refused whenever it generates a line
        ok(api.post("/api/posting-definitions", json("{'definitionId':'AR-ADV','transactionType':'ADVANCED_ENTRY','fundClass':'POOLED',"
                + "'rows':[{'accountStructure':'ANY','matchAccount':'101-66200','priority':1,'generated':[{'account':'101-11530-CTL','side':'SAME'},"
                + "{'account':'101-11010','side':'BALANCE'}]}]}")));
    }

    void accounts(String type, String... numbers) {
        for (String n : numbers) {
            account(n, type, false);
        }
    }

    void account(String number, String type, boolean control) {
        ok(api.post("/api/accounts", json("{'number':'" + number + "','name':'Konto " + number + "','type':'" + type + "'"
                + (control ? ",'controlAccount':true" : "") + "}")));
    }

    static void ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
    }

    static void created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    void invoice(String id, String amount) {
        created(api.post("/api/open-items", json("{'openItemId':'" + id + "','kind':'RECEIVABLE','party':'AR-P','documentNo':'" + id
                + "','postingDate':'2026-06-01','dueDate':'2026-07-01','text':'Faktura','amount':'" + amount + "',"
                + "'controlAccount':'101-11530-CTL','offsetAccount':'101-30100'}")));
    }

    static List<String> lines(JsonNode lines) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add(l.get("account").asText() + (l.has("debit") ? " D " + l.get("debit").asText() : " K " + l.get("credit").asText())));
        return out;
    }

    /** The postings of one entry on one account, as the konto view shows them. */
    List<String> postings(String account, String entryId) {
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        List<String> out = new ArrayList<>();
        api.get("/api/accounts/" + account).body().get("postings").forEach(p -> {
            if (p.get("entryId").asText().equals(entryId)) {
                out.add(p.has("debit") && !p.get("debit").isNull() ? "D " + p.get("debit").asText() : "K " + p.get("credit").asText());
            }
        });
        return out;
    }

    JsonNode item(String id) {
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        return api.get("/api/open-items/" + id).body();
    }

    @Test
    void anArWriteOffOnFund101GeneratesThePooledCashLinesForFund999() {
        invoice("AR-INV-1", "250.00");
        String writeOff = "'openItemId':'AR-INV-1','postingDate':'2026-06-20','text':'Afskrivning','account':'101-66200','amount':'250.00'";

        Api.Response preview = api.post("/api/posting-definitions/preview", json("{'command':'BookWriteOff'," + writeOff + "}"));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.body().get("transactionType").asText()).isEqualTo("WRITE_OFF");
        assertThat(lines(preview.body().get("lines"))).containsExactly("101-66200 D 250.00", "101-11530-CTL K 250.00");
        assertThat(lines(preview.body().get("generated"))).containsExactly("101-11010 D 250.00", "999-37101 K 250.00");
        assertThat(preview.body().get("balanced").asBoolean()).isTrue();
        assertThat(item("AR-INV-1").get("remaining").asText()).as("a preview posts nothing").isEqualTo("250.00");

        created(api.post("/api/open-items/AR-INV-1/write-offs", json("{'writeOffId':'AR-WO-1'," + writeOff.substring(writeOff.indexOf("'postingDate'")) + "}")));
        assertThat(postings("101-66200", "AR-WO-1")).containsExactly("D 250.00");
        assertThat(postings("101-11530-CTL", "AR-WO-1")).containsExactly("K 250.00");
        assertThat(postings("101-11010", "AR-WO-1")).as("generated for fund 101").containsExactly("D 250.00");
        assertThat(postings("999-37101", "AR-WO-1")).as("generated for fund 999").containsExactly("K 250.00");
        JsonNode item = item("AR-INV-1");
        assertThat(item.get("remaining").asText()).as("generated lines leave the item alone").isEqualTo("0.00");
        assertThat(item.get("status").asText()).isEqualTo("CLOSED");
        Projections.verification(api, "open-items");
    }

    @Test
    void aPaymentAndAnApplicationPostTheLinesOfTheirOwnDefinitionsAndTheUndoPostsThemBack() {
        invoice("AR-INV-2", "300.00");
        invoice("AR-CM-2", "-100.00");
        String application = "'party':'AR-P','postingDate':'2026-06-21','text':'Kreditnota',"
                + "'applications':[{'openItemId':'AR-INV-2'},{'openItemId':'AR-CM-2'}]";
        Api.Response preview = api.post("/api/posting-definitions/preview", json("{'command':'ApplyOpenItems'," + application + "}"));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.body().get("transactionType").asText()).isEqualTo("APPLICATION");
        assertThat(lines(preview.body().get("lines"))).containsExactly("101-11530-CTL K 100.00", "101-11530-CTL D 100.00");
        assertThat(lines(preview.body().get("generated"))).containsExactly("101-11010 D 100.00", "999-37101 K 100.00",
                "101-11010 K 100.00", "999-37101 D 100.00");

        created(api.post("/api/applications", json("{'applicationId':'AR-APP-2'," + application + "}")));
        assertThat(postings("101-11010", "AR-APP-2")).containsExactlyInAnyOrder("D 100.00", "K 100.00");
        assertThat(item("AR-CM-2").get("status").asText()).isEqualTo("CLOSED");
        assertThat(item("AR-INV-2").get("remaining").asText()).isEqualTo("200.00");

        created(api.post("/api/payments", json("{'paymentId':'AR-PAY-2','party':'AR-P','postingDate':'2026-06-22','text':'Betaling via 999',"
                + "'cashAccount':'999-11020','amount':'200.00','applications':[{'openItemId':'AR-INV-2'}]}")));
        assertThat(postings("999-11020", "AR-PAY-2")).containsExactly("D 200.00");
        assertThat(postings("101-11010", "AR-PAY-2")).as("generated for the 101 line only").containsExactly("D 200.00");
        assertThat(postings("999-37101", "AR-PAY-2")).containsExactly("K 200.00");
        assertThat(item("AR-INV-2").get("status").asText()).isEqualTo("CLOSED");

        assertThat(api.delete("/api/applications/AR-APP-2").status()).isEqualTo(200);
        assertThat(postings("101-11010", "AR-APP-2")).containsExactlyInAnyOrder("D 100.00", "K 100.00", "K 100.00", "D 100.00");
        assertThat(item("AR-INV-2").get("remaining").asText()).isEqualTo("100.00");
        assertThat(item("AR-CM-2").get("remaining").asText()).isEqualTo("-100.00");
        Projections.verification(api, "open-items");
    }

    @Test
    void aTransactionTypeInTheBodyOverridesTheDefaultAndItsLinesMayNotPostToAControlAccount() {
        invoice("AR-INV-3", "40.00");
        String writeOff = "'postingDate':'2026-06-20','text':'Afskrivning','account':'101-66200','amount':'40.00',"
                + "'transactionType':'ADVANCED_ENTRY'";
        Api.Response refused = api.post("/api/open-items/AR-INV-3/write-offs", json("{'writeOffId':'AR-WO-3'," + writeOff + "}"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.detail()).contains("posting definition AR-ADV row 1 generates a line on account 101-11530-CTL,"
                + " a control account (samlekonto) of open items").contains("post through open items");
        Api.Response preview = api.post("/api/posting-definitions/preview", json("{'command':'BookWriteOff','openItemId':'AR-INV-3'," + writeOff + "}"));
        assertThat(preview.status()).as("the preview says the same").isEqualTo(422);
        assertThat(preview.detail()).isEqualTo(refused.detail());
        assertThat(item("AR-INV-3").get("remaining").asText()).isEqualTo("40.00");

        Api.Response unknown = api.post("/api/open-items/AR-INV-3/write-offs", json("{'writeOffId':'AR-WO-4','postingDate':'2026-06-20',"
                + "'text':'x','account':'101-66200','amount':'1.00','transactionType':'NOPE'}"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.detail()).contains("transactionType 'NOPE' is unknown");
        Api.Response noSuchPreview = api.post("/api/posting-definitions/preview", json("{'command':'ReverseEntry','entryId':'AR-INV-3'}"));
        assertThat(noSuchPreview.status()).isEqualTo(400);
        assertThat(noSuchPreview.detail()).contains("PostJournalEntry (default), BookWriteOff, ApplyPayment or ApplyOpenItems");

        // a plain entry with a definition that generates onto the control account is refused the same way
        Api.Response plain = api.post("/api/journal-entries", json("{'entryId':'AR-JE-3','postingDate':'2026-06-20','text':'x',"
                + "'transactionType':'ADVANCED_ENTRY','lines':[{'account':'101-66200','debit':'5.00'},{'account':'101-11010','credit':'5.00'}]}"));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(422);
        assertThat(plain.detail()).contains("generates a line on account 101-11530-CTL");
    }
}
