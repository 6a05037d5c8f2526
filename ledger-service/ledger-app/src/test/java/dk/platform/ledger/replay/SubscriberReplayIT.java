package dk.platform.ledger.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.Topics;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import dk.platform.test.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A named subscriber's replay from a global position: exactly the stored events from that
 * position on, in global order, in the same envelope as ledger.events (same event ids), on the
 * subscriber's own topic; ledger.events itself gets nothing more.
 */
@IntegrationTest
class SubscriberReplayIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void aReplayFromAPositionPublishesExactlyTheEventsFromThereOnInTheLiveEnvelope() throws Exception {
        Api api = new Api(http);
        TestChart.open(api);
        String s = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/journal-entries", json("{'entryId':'RPL-" + s + "-" + i + "','postingDate':'2026-03-01',"
                    + "'text':'x','lines':[{'account':'5820','debit':'10.00'},{'account':'1010','credit':'10.00'}]}")).status())
                    .isEqualTo(201);
        }
        JsonNode stored = api.get("/api/audit/events?fromPosition=0").body();
        long from = positionOf(stored, "RPL-" + s + "-2");
        List<String> expected = new ArrayList<>();
        stored.forEach(e -> {
            if (e.get("position").asLong() >= from) {
                expected.add(e.get("eventId").asText());
            }
        });

        String subscriber = "audit-" + s;
        Api.Response started = api.post("/api/admin/replays", json("{'subscriber':'" + subscriber + "','fromPosition':" + from + "}"));
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().get("topic").asText()).isEqualTo("ledger.events.replay." + subscriber);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/admin/replays/" + subscriber).body()
                .get("state").asText().equals("DONE"));
        JsonNode done = api.get("/api/admin/replays/" + subscriber).body();
        assertThat(done.get("sent").asLong()).isEqualTo(expected.size());

        try (KafkaProbe probe = new KafkaProbe(brokers, "ledger.events.replay." + subscriber, Topics.LEDGER_EVENTS)) {
            List<ConsumerRecord<String, String>> replayed = probe.await(r -> r.topic().startsWith("ledger.events.replay."),
                    expected.size());
            List<String> replayedIds = replayed.stream().map(r -> read(r.value()).get("eventId").asText()).toList();
            assertThat(replayedIds).containsExactlyInAnyOrderElementsOf(expected);
            List<Long> positions = replayed.stream().map(r -> Long.parseLong(new String(
                    r.headers().lastHeader(SubscriberReplays.POSITION_HEADER).value(), StandardCharsets.UTF_8))).toList();
            assertThat(positions).allMatch(p -> p >= from);

            ConsumerRecord<String, String> first = replayed.stream()
                    .filter(r -> read(r.value()).get("aggregateId").asText().equals("RPL-" + s + "-2")).findFirst().orElseThrow();
            ConsumerRecord<String, String> live = probe.await(r -> r.topic().equals(Topics.LEDGER_EVENTS)
                    && r.key().equals("RPL-" + s + "-2"), 1).get(0);
            assertThat(read(first.value())).as("the same envelope as on ledger.events").isEqualTo(read(live.value()));
        }
        Api.Response bad = api.post("/api/admin/replays", json("{'subscriber':'Not Valid!','fromPosition':0}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.get("/api/admin/replays/nobody-" + s).status()).isEqualTo(404);
    }

    private static long positionOf(JsonNode events, String aggregateId) {
        for (JsonNode e : events) {
            if (e.get("aggregateId").asText().equals(aggregateId)) {
                return e.get("position").asLong();
            }
        }
        throw new AssertionError("no event of " + aggregateId);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
