package dk.platform.settlement.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.platform.ledger.api.EventEnvelope;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.Topics;
import dk.platform.ledger.api.command.ItemLine;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.settlement.support.SettlementExample;
import dk.platform.test.IntegrationTest;
import dk.platform.test.KafkaProbe;
import dk.platform.test.fuzz.Fuzz;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.bson.conversions.Bson;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15's fuzz test for settlement-service, as {@code LedgerFuzzIT} for the ledger: every POST
 * and PUT endpoint under {@code /api/} (found in the app's request mappings, by method, path and
 * content type) gets generated bad bodies made from a valid statement ({@code SettlementApiIT}'s
 * worked example) with a fresh statementId per case: JSON with {@link dk.platform.test.fuzz.BadBodies},
 * the CSV form with {@link dk.platform.test.fuzz.BadTexts}. After each case: no 5xx, a 4xx is
 * problem+json with a short detail, and nothing changed: the statements stored in Mongo and the
 * records on {@code ledger.commands} (its end offsets) stay as they were.
 * <p>
 * The valid statement is one the service records as REJECTED (its bank amount is 0.05 off), so a
 * case that may stay valid (an optional field left out) is stored without the saga sending anything;
 * it then becomes the new baseline. Seeded: {@code -Dfuzz.seed=N}; {@code -Dfuzz.cases=N} per endpoint.
 */
@IntegrationTest
class SettlementFuzzIT {

    static final Set<String> ID_FIELDS = Set.of("account", "cashAccount", "reference");
    static final ObjectMapper JSON = new ObjectMapper();
    static KafkaProbe kafka;
    static KafkaConsumer<String, String> commands;
    static long sent;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ObjectMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final String s = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void kafka(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        kafka = new KafkaProbe(brokers, Topics.SETTLEMENT_EVENTS);
        commands = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        commands.assign(commands.partitionsFor(Topics.LEDGER_COMMANDS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
        commands.seekToEnd(commands.assignment());
        commands.assignment().forEach(commands::position);
    }

    @AfterAll
    static void close() {
        kafka.close();
        commands.close(Duration.ofSeconds(5));
    }

    @Test
    void everyPostAndPutEndpointRefusesGeneratedBadBodiesAndRecordsNothing() {
        String item = registeredItem();
        String json = SettlementExample.body("FZ-" + s + "-0", item);
        ObjectNode example = (ObjectNode) read(json);
        assertThat(example.get("bankAmount").asText()).isEqualTo("46852.70");

        List<Fuzz.Target> targets = List.of(new Fuzz.Target("POST", "/api/settlements",
                n -> SettlementExample.body("FZ-" + s + "-" + n, item),
                // SPEC §7: difference?, account?; a statement without fees or rejected bills is a statement too
                Set.of("/fees", "/rejected", "/difference", "/fees/*/account", "/rejected/*/account", "/difference/account"),
                ID_FIELDS));
        List<Fuzz.TextTarget> files = List.of(new Fuzz.TextTarget("POST", n -> "/api/settlements", "text/csv",
                n -> SettlementExample.csv("FZ-" + s + "-csv-" + n, item), ",",
                // statementId, openItemId, cashAccount; the fee's account; the rejected bill's lineId and reference
                Set.of("0:1", "0:3", "0:5", "1:3", "3:1", "3:2"), 0, "POST /api/settlements (text/csv)"));

        Set<String> fuzzed = new TreeSet<>(List.of("POST /api/settlements [application/json]", "POST /api/settlements [text/csv]"));
        assertThat(fuzzed).as("every POST and PUT endpoint under /api/ is fuzzed").containsExactlyInAnyOrderElementsOf(writeEndpoints());

        Fuzz fuzz = new Fuzz(port);
        long seed = Fuzz.seed();
        Object start = awaitQuiet();
        Fuzz.Result bodies = fuzz.run(targets, Fuzz.casesPer(400), seed, this::recorded, this::awaitQuiet);
        System.out.println(Fuzz.summary("settlement (JSON)", bodies));
        Fuzz.Result texts = fuzz.runText(files, Fuzz.casesPer(400) * 3 / 8, seed, this::recorded, this::awaitQuiet);
        System.out.println(Fuzz.summary("settlement (CSV)", texts));
        List<String> failures = new ArrayList<>(bodies.failures());
        failures.addAll(texts.failures());
        assertThat(failures).as("fuzz failures (repeat with -Dfuzz.seed=" + seed + ")").isEmpty();

        poll(Duration.ofSeconds(2));
        Recorded end = (Recorded) awaitQuiet();
        assertThat(end.ledgerCommands()).as("nothing was ever sent to the ledger for a fuzzed statement").isZero();
        assertThat(end.statements() - ((Recorded) start).statements()).as("only cases that stayed valid were stored")
                .isEqualTo(bodies.accepted() + texts.accepted());
    }

    // ------------------------------------------------------------------ what the service has recorded

    /**
     * The statements and statements in progress this test's ids name, and the records sent on
     * ledger.commands with such a key (the saga keys a command by the statement id and a suffix):
     * other test classes share the app, and its sweeper may resend their commands meanwhile.
     */
    record Recorded(long statements, long inProgress, long ledgerCommands) {
    }

    Recorded recorded() {
        poll(Duration.ZERO);
        Bson mine = Filters.regex("_id", "^FZ-" + s);
        return new Recorded(mongo.getCollection("statements").countDocuments(mine),
                mongo.getCollection("settlement_in_progress").countDocuments(mine), sent);
    }

    void poll(Duration wait) {
        commands.poll(wait).forEach(r -> {
            if (r.key() != null && r.key().startsWith("FZ-" + s)) {
                sent++;
            }
        });
    }

    /** Waits until what is recorded stays the same for 300 ms. */
    Object awaitQuiet() {
        return Fuzz.awaitQuiet(this::recorded, () -> poll(Duration.ofMillis(300)));
    }

    // ------------------------------------------------------------------ set-up

    /** Plays the ledger registering the worked example's invoice; waits until the service knows it. */
    String registeredItem() {
        String item = "FZ-ITEM-" + s;
        OpenItemRegistered registered = new OpenItemRegistered(item, OpenItemKind.RECEIVABLE, "REGION-H", "2026-03",
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30), "Sygesikring marts", Money.of("48250.00"), "1100", "1010",
                List.of(new ItemLine("practitioner-A", "A", Money.of("30000.00")), new ItemLine("practitioner-B", "B", Money.of("18250.00"))),
                List.of());
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "OpenItemRegistered", EventEnvelope.SCHEMA_VERSION,
                item, 0, LocalDate.of(2026, 3, 31), Instant.now(), new EventEnvelope.Metadata("test", null, "test", null),
                json.valueToTree(registered));
        try {
            kafka.send(Topics.LEDGER_EVENTS, item, json.writeValueAsString(envelope));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> http.getForEntity("/api/open-items/" + item, String.class)
                .getStatusCode().value() == 200);
        return item;
    }

    /** Every POST and PUT under /api/, with the content types it consumes. */
    Set<String> writeEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                if (m == RequestMethod.POST || m == RequestMethod.PUT) {
                    String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().map(Object::toString).sorted()
                            .toList().toString();
                    info.getPatternValues().stream().filter(p -> p.startsWith("/api/"))
                            .forEach(p -> endpoints.add(m.name() + " " + p + " " + consumes.replace(", ", ",")));
                }
            }
        }
        return endpoints;
    }

    static Object read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
