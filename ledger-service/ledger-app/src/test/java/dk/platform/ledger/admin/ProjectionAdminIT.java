package dk.platform.ledger.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.Projections;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small scenario, the views' checksums, every view rebuilt (by the admin endpoint into new collections, and in place by the
 * processor API), the same checksums, and the verification of each rebuilt view holds.
 */
@IntegrationTest
class ProjectionAdminIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @Test
    void aRebuiltViewHasTheChecksumOfTheLiveOne() {
        Api api = new Api(http);
        String s = UUID.randomUUID().toString().substring(0, 8);
        TestChart.open(api);
        scenario(api, s);
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);

        JsonNode status = api.get("/api/admin/projections").body();
        assertThat(status).hasSize(4);
        for (JsonNode p : status) {
            if (p.get("view").asBoolean()) {
                assertThat(p.get("lag").asLong()).as(p.toString()).isZero();
                assertThat(p.get("position").asLong()).as(p.toString()).isEqualTo(p.get("headPosition").asLong());
                assertThat(p.get("replaying").asBoolean()).isFalse();
                assertThat(p.get("running").asBoolean()).isTrue();
            }
        }

        Map<String, JsonNode> live = checksums(api);
        assertThat(live.get("open-items").get("documents").asLong()).isPositive();
        assertThat(live.get("konto").get("documents").asLong()).isPositive();
        assertThat(live.values()).allMatch(c -> c.get("checksum").asText().matches("[0-9a-f]{64}"));
        assertThat(checksums(api)).as("a checksum is deterministic").isEqualTo(live);

        // Rebuilt through the admin endpoint: into new collections, then switched
        Map<String, JsonNode> rebuilt = Projections.rebuildAndSwitch(api, Projections.VIEWS, 0);
        rebuilt.forEach((view, r) -> {
            assertThat(r.get("done").asLong()).as("%s rebuilt up to the head", view).isEqualTo(r.get("total").asLong());
            assertThat(r.get("startedAt").asText()).isNotBlank();
            assertThat(r.get("switchedAt").asText()).isNotBlank();
        });
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        assertSame(live, checksums(api));
        for (String view : Projections.VIEWS) {
            JsonNode verification = Projections.verification(api, view);
            assertThat(verification.get("checksum")).isEqualTo(live.get(view).get("checksum"));
            assertThat(verification.get("generation").asInt()).isEqualTo(rebuilt.get(view).get("generation").asInt());
        }

        // Rebuilt through the processor API, as the invariant test does
        Projections.VIEWS.forEach(view -> Projections.rebuild(processing, view));
        Projections.awaitCaughtUp(processing, eventStore, Projections.VIEWS);
        assertSame(live, checksums(api));
    }

    @Test
    void unknownViewsAreA404() {
        Api api = new Api(http);
        assertThat(api.get("/api/admin/projections/nope/checksum").status()).isEqualTo(404);
        assertThat(api.get("/api/admin/projections/kafka-publisher/checksum").status()).isEqualTo(404);
        assertThat(api.post("/api/admin/projections/kafka-publisher/rebuild", null).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/projections/nope/verification").status()).isEqualTo(404);
        assertThat(api.post("/api/admin/projections/konto/rebuild?maxEventsPerSecond=-1", null).status()).isEqualTo(400);
    }

    static void assertSame(Map<String, JsonNode> live, Map<String, JsonNode> rebuilt) {
        live.forEach((view, c) -> {
            assertThat(rebuilt.get(view).get("documents")).as("documents of %s", view).isEqualTo(c.get("documents"));
            assertThat(rebuilt.get(view).get("checksum")).as("checksum of %s", view).isEqualTo(c.get("checksum"));
        });
    }

    static Map<String, JsonNode> checksums(Api api) {
        Map<String, JsonNode> sums = new LinkedHashMap<>();
        for (String view : Projections.VIEWS) {
            Api.Response r = api.get("/api/admin/projections/" + view + "/checksum");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.body().get("name").asText()).isEqualTo(view);
            sums.put(view, r.body());
        }
        return sums;
    }

    static void scenario(Api api, String s) {
        for (int i = 1; i <= 3; i++) {
            assertThat(api.post("/api/open-items", json("{'openItemId':'INV-" + i + "-" + s + "','kind':'RECEIVABLE','party':'P-" + s
                    + "','documentNo':'D" + i + "','postingDate':'2026-03-0" + i + "','dueDate':'2026-03-31','text':'Faktura','amount':'"
                    + (100 * i) + ".00','controlAccount':'1100','offsetAccount':'1010'}")).status()).isEqualTo(201);
        }
        assertThat(api.post("/api/payments", json("{'paymentId':'PAY-" + s + "','party':'P-" + s + "','postingDate':'2026-03-10',"
                + "'text':'x','cashAccount':'5820','amount':'250.00','applications':[{'openItemId':'INV-1-" + s + "'},"
                + "{'openItemId':'INV-2-" + s + "','amount':'100.00'}]}")).status()).isEqualTo(201);
        assertThat(api.post("/api/open-items/INV-3-" + s + "/write-offs", json("{'writeOffId':'W-" + s + "','postingDate':'2026-03-12',"
                + "'text':'small','account':'7250','amount':'1.00'}")).status()).isEqualTo(201);
        assertThat(api.post("/api/journal-entries", json("{'entryId':'E-" + s + "','postingDate':'2026-04-05','text':'rent','lines':"
                + "[{'account':'6100','debit':'900.00'},{'account':'5820','credit':'900.00'}]}")).status()).isEqualTo(201);
        assertThat(api.post("/api/journal-entries/E-" + s + "/reversal",
                json("{'reversalId':'R-" + s + "','postingDate':'2026-04-06','text':'wrong month'}")).status()).isIn(200, 201);
    }
}
