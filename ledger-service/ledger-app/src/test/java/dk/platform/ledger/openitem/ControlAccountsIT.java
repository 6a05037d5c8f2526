package dk.platform.ledger.openitem;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.lookup.Lookups;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.Projections;
import dk.platform.test.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §1.1 and §1.8 through the REST API: a control account (samlekonto) belongs to the open items. */
@IntegrationTest
class ControlAccountsIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    Lookups lookups;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    void account(String number, String type, boolean control) {
        Api.Response r = api.post("/api/accounts", json("{'number':'" + number + "','name':'Konto " + number + "','type':'" + type + "'"
                + (control ? ",'controlAccount':true" : "") + "}"));
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
    }

    Api.Response plainEntry(String id, String debit, String credit, String amount) {
        return api.post("/api/journal-entries", json("{'entryId':'" + id + "','postingDate':'2026-05-01','text':'Postering','lines':["
                + "{'account':'" + debit + "','debit':'" + amount + "'},{'account':'" + credit + "','credit':'" + amount + "'}]}"));
    }

    Api.Response invoice(String id, String control, String offset, String amount) {
        return api.post("/api/open-items", json("{'openItemId':'" + id + "','kind':'RECEIVABLE','party':'CA-PARTY','documentNo':'" + id
                + "','postingDate':'2026-05-02','dueDate':'2026-06-01','text':'Faktura','amount':'" + amount + "','controlAccount':'"
                + control + "','offsetAccount':'" + offset + "'}"));
    }

    static void created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    static void refusedAsControlAccount(Api.Response r, String account) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.detail()).contains("account " + account + " is a control account (samlekonto) of open items; post through open items");
    }

    Money balance(String account) {
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        return Money.of(api.get("/api/accounts/" + account).body().get("balance").asText());
    }

    @Test
    void anAccountAnOpenItemUsesIsClosedToPlainEntriesAndTheItemsStillEqualItsBalance() {
        account("CA-1100", "ASSET", false);
        account("CA-1010", "REVENUE", false);
        account("CA-5820", "ASSET", false);
        created(invoice("CA-INV-1", "CA-1100", "CA-1010", "500.00"));

        refusedAsControlAccount(plainEntry("CA-JE-1", "CA-1100", "CA-5820", "100.00"), "CA-1100");
        refusedAsControlAccount(plainEntry("CA-JE-2", "CA-5820", "CA-1100", "100.00"), "CA-1100");
        assertThat(api.get("/api/audit/events?aggregateId=CA-JE-1").status()).as("a refused entry stores nothing").isEqualTo(404);

        // open-item commands still post to it: a payment, a write-off, and the reversal of the payment
        created(api.post("/api/payments", json("{'paymentId':'CA-PAY-1','party':'CA-PARTY','postingDate':'2026-05-10','text':'Betaling',"
                + "'cashAccount':'CA-5820','amount':'300.00','applications':[{'openItemId':'CA-INV-1','amount':'300.00'}]}")));
        created(api.post("/api/open-items/CA-INV-1/write-offs", json("{'writeOffId':'CA-WO-1','postingDate':'2026-05-11','text':'Gebyr',"
                + "'account':'CA-1010','amount':'50.00'}")));
        created(api.post("/api/journal-entries/CA-PAY-1/reversal", json("{'reversalId':'CA-PAY-1-R','postingDate':'2026-05-12','text':'Fejl'}")));
        assertThat(balance("CA-1100")).isEqualTo(Money.of("450.00"));
        assertThat(api.get("/api/open-items/CA-INV-1").body().get("remaining").asText()).isEqualTo("450.00");
        Projections.verification(api, "open-items");

        // and nothing else may post to it: not as an item's offset account, a payment's cash account or a write-off's account
        account("CA-1200", "ASSET", false);
        refusedAsControlAccount(invoice("CA-INV-2", "CA-1200", "CA-1100", "10.00"), "CA-1100");
        refusedAsControlAccount(api.post("/api/payments", json("{'paymentId':'CA-PAY-2','party':'CA-PARTY','postingDate':'2026-05-10',"
                + "'text':'Betaling','cashAccount':'CA-1100','amount':'10.00','applications':[{'openItemId':'CA-INV-1','amount':'10.00'}]}")),
                "CA-1100");
        refusedAsControlAccount(api.post("/api/open-items/CA-INV-1/write-offs", json("{'writeOffId':'CA-WO-2','postingDate':'2026-05-11',"
                + "'text':'Gebyr','account':'CA-1100','amount':'5.00'}")), "CA-1100");
    }

    @Test
    void anAccountOpenedAsAControlAccountRefusesPlainEntriesBeforeAnyItemExists() {
        account("CB-1100", "ASSET", true);
        account("CB-5820", "ASSET", false);
        account("CB-1010", "REVENUE", false);
        Api.Response again = api.post("/api/accounts", json("{'number':'CB-1100','name':'Konto CB-1100','type':'ASSET','controlAccount':true}"));
        assertThat(again.status()).as("the same account again is the same command").isEqualTo(200);

        refusedAsControlAccount(plainEntry("CB-JE-1", "CB-1100", "CB-5820", "100.00"), "CB-1100");
        created(invoice("CB-INV-1", "CB-1100", "CB-1010", "100.00"));
        assertThat(balance("CB-1100")).isEqualTo(Money.of("100.00"));
    }

    @Test
    void anAccountWithPlainPostingsBecomesAControlAccountOnlyOnceItsBalanceIsZero() {
        account("CC-1100", "ASSET", false);
        account("CC-5820", "ASSET", false);
        account("CC-1010", "REVENUE", false);
        created(plainEntry("CC-JE-1", "CC-1100", "CC-5820", "75.00"));

        Api.Response refused = invoice("CC-INV-1", "CC-1100", "CC-1010", "200.00");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.detail()).contains("account CC-1100 has plain postings (balance 75.00) and is not a control account")
                .contains("only while its balance is 0.00");
        assertThat(api.get("/api/audit/events?aggregateId=CC-INV-1").status()).isEqualTo(404);

        // reversing the plain entry is not a new plain posting; it brings the balance to zero
        created(api.post("/api/journal-entries/CC-JE-1/reversal", json("{'reversalId':'CC-JE-1-R','postingDate':'2026-05-03','text':'Fejl'}")));
        created(invoice("CC-INV-1", "CC-1100", "CC-1010", "200.00"));
        refusedAsControlAccount(plainEntry("CC-JE-2", "CC-5820", "CC-1100", "1.00"), "CC-1100");
        assertThat(balance("CC-1100")).isEqualTo(Money.of("200.00"));
        Projections.verification(api, "open-items");
    }

    /**
     * SPEC §1.8 under a race: plain entries keep moving an account's balance around 0.00 while an
     * open item tries to make it a control account. The item is taken only at a committed 0.00, and
     * no plain entry in flight at that moment lands after it (the account's advisory lock), so the
     * plain postings that were accepted sum to 0.00 and the balance is the item's amount.
     */
    @Test
    void anAccountBecomingAControlAccountWhilePlainEntriesRaceKeepsItsBalanceEqualToTheItems() throws Exception {
        account("CR-1100", "ASSET", false);
        account("CR-5820", "ASSET", false);
        account("CR-1010", "REVENUE", false);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        for (int w = 0; w < 6; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                for (int i = 0; !stop.get() && i < 200; i++) {
                    Api.Response in = plainEntry("CR-JE-" + writer + "-" + i + "-a", "CR-1100", "CR-5820", "1.00");
                    if (in.status() == 201) {
                        Api.Response out = plainEntry("CR-JE-" + writer + "-" + i + "-b", "CR-5820", "CR-1100", "1.00");
                        if (out.status() != 201) {
                            unexpected.add("the way back of an accepted entry was refused: " + out); // it must not be: the item waits for 0.00
                        }
                    } else if (in.status() != 422) {
                        unexpected.add(in.toString());
                    }
                }
            });
            writers.add(t);
            t.start();
        }
        Api.Response item = null;
        for (int attempt = 0; attempt < 400 && (item == null || item.status() != 201); attempt++) {
            item = invoice("CR-INV-1", "CR-1100", "CR-1010", "100.00");
            assertThat(item.status()).as(item.toString()).isIn(201, 422);
        }
        stop.set(true);
        for (Thread t : writers) {
            t.join(60_000);
        }
        assertThat(unexpected).isEmpty();
        assertThat(item.status()).as("the item found the balance at 0.00 at some moment: " + item).isEqualTo(201);
        assertThat(balance("CR-1100")).as("plain postings accepted on the account sum to 0.00").isEqualTo(Money.of("100.00"));
        Projections.verification(api, "open-items");
    }

    @Test
    void accountsFromBeforeControlAccountsLearnFromTheStoredEventsWhichOnesOpenItemsUse() {
        account("CD-1100", "ASSET", false);
        account("CD-1010", "REVENUE", false);
        created(invoice("CD-INV-1", "CD-1100", "CD-1010", "10.00"));
        jdbc.update("UPDATE account_lookup SET control = NULL WHERE number IN ('CD-1100', 'CD-1010')");

        lookups.afterSingletonsInstantiated();

        assertThat(jdbc.queryForList("SELECT number FROM account_lookup WHERE number IN ('CD-1100', 'CD-1010') AND control", String.class))
                .containsExactly("CD-1100");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_lookup WHERE control IS NULL", Long.class)).isZero();
        refusedAsControlAccount(plainEntry("CD-JE-1", "CD-1100", "CD-1010", "1.00"), "CD-1100");
    }
}
