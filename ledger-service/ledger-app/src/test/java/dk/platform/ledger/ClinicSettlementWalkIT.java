package dk.platform.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.Projections;
import dk.platform.ledger.support.TestChart;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import dk.platform.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §3's worked example walked by hand through the ledger's REST API, as the README shows it. */
@IntegrationTest
class ClinicSettlementWalkIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    Api api;

    @BeforeEach
    void accounts() {
        api = new Api(http);
        TestChart.open(api);
    }

    @Test
    void clinicInvoiceIsSettledToTheOereAndAReversedWriteOffCanBePostedAgain() {
        // Other test classes share this ledger, so the walk checks what it moves, not absolute balances.
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        Map<String, Money> before = new HashMap<>();
        for (String account : List.of("5820", "7250", "1190", "3090", "1100")) {
            before.put(account, balance(account));
        }
        assertThat(api.post("/api/open-items", json("{'openItemId':'SS-2026-03','kind':'RECEIVABLE','party':'REGION-H',"
                + "'documentNo':'2026-03','postingDate':'2026-03-31','dueDate':'2026-04-30','text':'Sygesikring marts',"
                + "'amount':'48250.00','controlAccount':'1100','offsetAccount':'1010','lines':["
                + "{'lineId':'practitioner-A','label':'Behandler A','amount':'30000.00'},"
                + "{'lineId':'practitioner-B','label':'Behandler B','amount':'18250.00'}]}")).status()).isEqualTo(201);

        writeOff("SS-2026-03-fee-1", "Fondsbidrag", "7250", "412.50", null);
        writeOff("SS-2026-03-fee-2", "Administrationsgebyr", "7250", "137.25", null);
        writeOff("SS-2026-03-rej-R-1007", "Afvist regning R-1007", "1190", "850.00", "practitioner-B");
        writeOff("SS-2026-03-diff", "Difference sygesikring", "3090", "-2.50", null);

        Api.Response wrongBank = api.post("/api/payments", json("{'paymentId':'SS-2026-03-bank-x','party':'REGION-H','postingDate':'2026-04-20',"
                + "'text':'Bank','cashAccount':'5820','amount':'46852.80','applications':[{'openItemId':'SS-2026-03','amount':'46852.80'}]}"));
        assertThat(wrongBank.status()).isEqualTo(422);
        assertThat(wrongBank.detail()).contains("46852.80").contains("46852.75");

        assertThat(api.post("/api/payments", json("{'paymentId':'SS-2026-03-bank','party':'REGION-H','postingDate':'2026-04-20',"
                + "'text':'Sygesikring marts','cashAccount':'5820','amount':'46852.75','applications':[{'openItemId':'SS-2026-03'}]}"))
                .status()).isEqualTo(201);

        JsonNode item = api.await("/api/open-items/SS-2026-03", i -> i.get("status").asText().equals("CLOSED"));
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        assertThat(item.get("remaining").asText()).isEqualTo("0.00");
        // registered, 2 fees, rejected bill, difference, and the bank payment spread over both lines
        assertThat(item.get("history")).hasSize(7);
        assertThat(balance("5820").minus(before.get("5820"))).isEqualTo(Money.of("46852.75"));
        assertThat(balance("7250").minus(before.get("7250"))).isEqualTo(Money.of("549.75"));
        assertThat(balance("1190").minus(before.get("1190"))).isEqualTo(Money.of("850.00"));
        assertThat(balance("3090").minus(before.get("3090"))).isEqualTo(Money.of("-2.50"));
        assertThat(balance("1100").minus(before.get("1100"))).as("control account back where it was").isEqualTo(Money.ZERO);

        // Reverse the first fee: the item re-opens by exactly that amount, and it can be written off again.
        assertThat(api.post("/api/journal-entries/SS-2026-03-fee-1/reversal",
                json("{'reversalId':'SS-2026-03-fee-1-rev','postingDate':'2026-04-21','text':'Forkert konto'}")).status()).isEqualTo(201);
        item = api.await("/api/open-items/SS-2026-03", i -> i.get("status").asText().equals("OPEN"));
        assertThat(item.get("remaining").asText()).isEqualTo("412.50");
        Api.Response again = api.post("/api/journal-entries/SS-2026-03-fee-1/reversal",
                json("{'reversalId':'SS-2026-03-fee-1-rev2','postingDate':'2026-04-21','text':'igen'}"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.detail()).contains("already reversed by SS-2026-03-fee-1-rev");
        writeOff("SS-2026-03-fee-1b", "Fondsbidrag", "7250", "412.50", null);
        api.await("/api/open-items/SS-2026-03", i -> i.get("status").asText().equals("CLOSED"));
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        assertThat(balance("7250").minus(before.get("7250"))).isEqualTo(Money.of("549.75"));
        assertThat(api.get("/api/trial-balance").body().get("total").asText()).isEqualTo("0.00");
    }

    private void writeOff(String id, String text, String account, String amount, String lineId) {
        Api.Response r = api.post("/api/open-items/SS-2026-03/write-offs", json("{'writeOffId':'" + id + "','postingDate':'2026-04-20',"
                + "'text':'" + text + "','account':'" + account + "','amount':'" + amount + "'"
                + (lineId == null ? "" : ",'lineId':'" + lineId + "'") + "}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private Money balance(String account) {
        Api.Response r = api.get("/api/accounts/" + account);
        return r.status() == 404 ? Money.ZERO : Money.of(r.body().get("balance").asText());
    }
}
