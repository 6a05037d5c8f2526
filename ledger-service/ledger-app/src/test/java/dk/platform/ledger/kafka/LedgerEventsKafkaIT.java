package dk.platform.ledger.kafka;

import dk.platform.test.TestIdentities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dk.platform.ledger.api.Topics;
import dk.platform.ledger.support.Api;
import dk.platform.test.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §6: every ledger event is published on {@code ledger.events} in the documented, versioned
 * envelope, keyed by aggregate id. A scenario is driven through REST (accounts, a party, an open
 * item with two lines, two write-offs, a payment, a reversal, a journal entry, items applied to
 * each other and unapplied), then the topic is read with a plain Kafka consumer and compared,
 * event by event, with the event store's history as {@code GET /api/audit/events} shows it.
 * Ids carry a random suffix: the broker and the Mongo-wire server may be shared with other test
 * classes in the same JVM.
 */
@IntegrationTest
class LedgerEventsKafkaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_BASE = "https://schemas.platform.dk/ledger/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig SCHEMA_CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    @Autowired
    TestRestTemplate http;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${ledger.kafka.events-topic}")
    String topic;

    private final String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    /** The correlation id sent with each request, by the aggregate id the request is about. */
    private final Map<String, String> correlationOf = new LinkedHashMap<>();

    @Test
    void everyEventOfAScenarioIsPublishedOnceInOrderInTheDocumentedEnvelope() throws IOException {
        assertThat(topic).isEqualTo(Topics.LEDGER_EVENTS);
        String debtors = "1100-" + s, revenue = "1010-" + s, bank = "5820-" + s, fees = "7250-" + s, rent = "6100-" + s;
        String party = "P-" + s, invoice = "INV-" + s, writeOff1 = "WO1-" + s, writeOff2 = "WO2-" + s, payment = "PAY-" + s;
        String reversal = "WO1-" + s + "-rev", entry = "JE-" + s, invoice2 = "INV2-" + s, creditMemo = "CM-" + s, application = "APP-" + s;

        // ---- the scenario, through REST
        for (String a : new String[]{debtors + ":Debitorer:ASSET", revenue + ":Omsætning:REVENUE", bank + ":Bank:ASSET",
                fees + ":Gebyrer:EXPENSE", rent + ":Husleje:EXPENSE"}) {
            String[] p = a.split(":");
            send(HttpMethod.POST, "/api/accounts", "{'number':'" + p[0] + "','name':'" + p[1] + "','type':'" + p[2] + "'}",
                    "account:" + p[0], 201);
        }
        send(HttpMethod.PUT, "/api/parties/" + party, "{'applicationMethod':'MANUAL'}", "party:" + party, 200);
        send(HttpMethod.POST, "/api/open-items", "{'openItemId':'" + invoice + "','kind':'RECEIVABLE','party':'" + party + "',"
                + "'documentNo':'D-" + s + "','postingDate':'2026-03-31','dueDate':'2026-04-30','text':'Sygesikring marts',"
                + "'amount':'1000.00','controlAccount':'" + debtors + "','offsetAccount':'" + revenue + "','lines':["
                + "{'lineId':'A','label':'Behandler A','amount':'600.00'},{'lineId':'B','label':'Behandler B','amount':'400.00'}]}",
                invoice, 201);
        send(HttpMethod.POST, "/api/open-items/" + invoice + "/write-offs", "{'writeOffId':'" + writeOff1 + "','postingDate':'2026-04-20',"
                + "'text':'Fondsbidrag','account':'" + fees + "','amount':'25.00'}", writeOff1, 201);
        send(HttpMethod.POST, "/api/open-items/" + invoice + "/write-offs", "{'writeOffId':'" + writeOff2 + "','postingDate':'2026-04-20',"
                + "'text':'Afvist regning','account':'" + fees + "','amount':'10.00','lineId':'B'}", writeOff2, 201);
        send(HttpMethod.POST, "/api/payments", "{'paymentId':'" + payment + "','party':'" + party + "','postingDate':'2026-04-20',"
                + "'text':'Indbetaling','cashAccount':'" + bank + "','amount':'965.00','applications':[{'openItemId':'" + invoice + "'}]}",
                payment, 201);
        send(HttpMethod.POST, "/api/journal-entries/" + writeOff1 + "/reversal",
                "{'reversalId':'" + reversal + "','postingDate':'2026-04-21','text':'Forkert konto'}", reversal, 201);
        send(HttpMethod.POST, "/api/journal-entries", "{'entryId':'" + entry + "','postingDate':'2026-04-01','text':'Husleje',"
                + "'transactionType':'ADVANCED_ENTRY','lines':[{'account':'" + rent + "','debit':'500.00'},{'account':'" + bank + "','credit':'500.00'}]}",
                entry, 201);
        send(HttpMethod.POST, "/api/open-items", "{'openItemId':'" + invoice2 + "','kind':'RECEIVABLE','party':'" + party + "',"
                + "'documentNo':'D2-" + s + "','postingDate':'2026-04-01','dueDate':'2026-05-01','text':'Faktura',"
                + "'amount':'100.00','controlAccount':'" + debtors + "','offsetAccount':'" + revenue + "'}", invoice2, 201);
        send(HttpMethod.POST, "/api/open-items", "{'openItemId':'" + creditMemo + "','kind':'RECEIVABLE','party':'" + party + "',"
                + "'documentNo':'K-" + s + "','postingDate':'2026-04-02','dueDate':'2026-04-02','text':'Kreditnota',"
                + "'amount':'-100.00','controlAccount':'" + debtors + "','offsetAccount':'" + revenue + "'}", creditMemo, 201);
        send(HttpMethod.POST, "/api/applications", "{'applicationId':'" + application + "','party':'" + party + "',"
                + "'postingDate':'2026-04-03','text':'Efterudligning','applications':[{'openItemId':'" + invoice2 + "'},"
                + "{'openItemId':'" + creditMemo + "'}]}", application, 201);
        send(HttpMethod.DELETE, "/api/applications/" + application, null, application + "#unapply", 200);

        // ---- what the event store holds, per aggregate
        List<String> aggregates = List.of("account:" + debtors, "account:" + revenue, "account:" + bank, "account:" + fees,
                "account:" + rent, "party:" + party, invoice, writeOff1, writeOff2, payment, entry, invoice2, creditMemo, application);
        Api api = new Api(http);
        Map<String, List<JsonNode>> stored = new LinkedHashMap<>();
        for (String aggregate : aggregates) {
            Api.Response r = api.get("/api/audit/events?aggregateId=" + aggregate);
            assertThat(r.status()).as(aggregate).isEqualTo(200);
            List<JsonNode> events = new ArrayList<>();
            r.body().forEach(events::add);
            stored.put(aggregate, events);
        }
        Set<String> expectedIds = stored.values().stream().flatMap(List::stream).map(e -> e.get("eventId").asText())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(types(stored.get(invoice))).containsExactly("OpenItemRegistered",
                "OpenItemAllocated", // write-off 1, from line A
                "OpenItemAllocated", // write-off 2, line B
                "OpenItemAllocated", "OpenItemAllocated", // the payment, spread over both lines
                "OpenItemAllocationReleased"); // the reversal of write-off 1
        assertThat(types(stored.get(writeOff1))).containsExactly("WriteOffBooked", "EntryReversed");
        assertThat(types(stored.get(application))).containsExactly("OpenItemsApplied", "OpenItemsUnapplied");
        assertThat(stored.values().stream().flatMap(List::stream).map(e -> e.get("type").asText()).collect(Collectors.toSet()))
                .as("the scenario publishes every event type").containsExactlyInAnyOrder("AccountOpened", "PartyApplicationMethodSet",
                        "JournalEntryPosted", "OpenItemRegistered", "PaymentApplied", "WriteOffBooked", "OpenItemsApplied",
                        "OpenItemsUnapplied", "OpenItemAllocated", "OpenItemAllocationReleased", "EntryReversed");

        // ---- what ledger.events holds
        List<ConsumerRecord<String, String>> records = readUntilAllArrived(new HashSet<>(aggregates), expectedIds);

        Map<String, JsonNode> envelopeById = new HashMap<>();
        Map<String, List<ConsumerRecord<String, String>>> byAggregate = new LinkedHashMap<>();
        JsonSchema envelopeSchema = schema("event-envelope.schema.json");
        for (ConsumerRecord<String, String> record : records) {
            JsonNode envelope = JSON.readTree(record.value());
            String eventId = envelope.get("eventId").asText();
            assertThat(envelopeById.put(eventId, envelope)).as("event %s is published once", eventId).isNull();
            assertThat(record.key()).as("record key of %s", eventId).isEqualTo(envelope.get("aggregateId").asText());
            assertThat(envelopeSchema.validate(envelope)).as(record.value()).isEmpty();
            String type = envelope.get("type").asText();
            assertThat(schema("events/" + type + ".schema.json").validate(envelope.get("payload"))).as(record.value()).isEmpty();
            assertThat(envelope.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(envelope.get("metadata").get("user").asText()).as(record.value()).isEqualTo("test-user");
            assertThat(envelope.get("metadata").get("correlationId").asText()).as(record.value()).isNotBlank();
            assertThat(envelope.get("metadata").get("causationId").asText()).as(record.value()).isNotBlank();
            assertThat(envelope.path("postingDate")).as("envelope postingDate is the payload's: " + record.value())
                    .isEqualTo(envelope.get("payload").path("postingDate"));
            byAggregate.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
        }
        assertThat(envelopeById.keySet()).as("exactly the scenario's events").containsExactlyInAnyOrderElementsOf(expectedIds);

        for (String aggregate : aggregates) {
            List<ConsumerRecord<String, String>> published = byAggregate.get(aggregate);
            assertThat(published).as(aggregate).isNotNull();
            assertThat(published.stream().map(ConsumerRecord::partition).distinct()).as("%s is on one partition", aggregate).hasSize(1);
            published.sort(Comparator.comparingLong(ConsumerRecord::offset));
            List<JsonNode> envelopes = published.stream().map(r -> envelopeById.get(id(r))).toList();
            List<Long> sequence = envelopes.stream().map(e -> e.get("sequenceNumber").asLong()).toList();
            assertThat(sequence).as("%s: sequence numbers in partition order", aggregate).isSorted().doesNotHaveDuplicates();

            List<JsonNode> history = stored.get(aggregate);
            assertThat(envelopes.stream().map(e -> e.get("eventId").asText()).toList()).as(aggregate)
                    .containsExactlyElementsOf(history.stream().map(e -> e.get("eventId").asText()).toList());
            for (int i = 0; i < history.size(); i++) {
                JsonNode envelope = envelopes.get(i), event = history.get(i);
                String what = aggregate + " #" + i + " " + envelope;
                assertThat(envelope.get("sequenceNumber").asLong()).as(what).isEqualTo(event.get("sequenceNumber").asLong());
                assertThat(envelope.get("type").asText()).as(what).isEqualTo(event.get("type").asText());
                assertThat(Instant.parse(envelope.get("recordedAt").asText())).as(what)
                        .isEqualTo(Instant.parse(event.get("recordedAt").asText()));
                for (String key : List.of("user", "correlationId", "causationId")) {
                    assertThat(envelope.get("metadata").get(key)).as(what + " metadata." + key).isEqualTo(event.get("metadata").get(key));
                }
                assertThat(envelope.get("payload")).as(what).isEqualTo(event.get("payload"));
            }
        }

        // ---- every event carries the correlation id of the request that caused it
        for (String aggregate : aggregates) {
            for (JsonNode envelope : envelopes(byAggregate, envelopeById, aggregate)) {
                assertThat(envelope.at("/metadata/correlationId").asText()).as(envelope.toString())
                        .isEqualTo(correlationOf.get(causedBy(envelope, aggregate, reversal, application)));
            }
        }
    }

    /** The aggregate id of the request that caused an event (see {@link #correlationOf}). */
    private static String causedBy(JsonNode envelope, String aggregate, String reversal, String application) {
        JsonNode payload = envelope.get("payload");
        return switch (envelope.get("type").asText()) {
            case "OpenItemAllocated" -> payload.get("entryId").asText();
            case "OpenItemAllocationReleased" -> payload.get("reason").asText().equals("REVERSAL") ? reversal : application + "#unapply";
            case "EntryReversed" -> payload.get("reversalId").asText();
            case "OpenItemsUnapplied" -> application + "#unapply";
            default -> aggregate;
        };
    }

    private List<ConsumerRecord<String, String>> readUntilAllArrived(Set<String> aggregates, Set<String> expectedIds) throws IOException {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "ledger-events-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!seen.containsAll(expectedIds) && System.nanoTime() < deadline) {
                collect(consumer, Duration.ofMillis(200), aggregates, records, seen);
            }
            assertThat(seen).as("all events of the scenario arrive on %s within 30 s", topic).containsAll(expectedIds);
            // a moment more, so a duplicate sent right behind would be seen
            collect(consumer, Duration.ofMillis(500), aggregates, records, seen);
        }
        return records;
    }

    private static void collect(KafkaConsumer<String, String> consumer, Duration timeout, Set<String> aggregates,
                                List<ConsumerRecord<String, String>> records, Set<String> seen) throws IOException {
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            if (record.key() != null && aggregates.contains(record.key())) {
                records.add(record);
                seen.add(JSON.readTree(record.value()).get("eventId").asText());
            } else if (record.key() == null) {
                // a record without key is a bug in the publisher; keep it if it belongs to the scenario
                JsonNode envelope = JSON.readTree(record.value());
                if (aggregates.contains(envelope.path("aggregateId").asText())) {
                    records.add(record);
                    seen.add(envelope.get("eventId").asText());
                }
            }
        }
    }

    private static List<JsonNode> envelopes(Map<String, List<ConsumerRecord<String, String>>> byAggregate,
                                            Map<String, JsonNode> envelopeById, String aggregate) {
        return byAggregate.get(aggregate).stream().map(r -> envelopeById.get(id(r))).toList();
    }

    private static String id(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).get("eventId").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    private static JsonSchema schema(String path) {
        return SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + path), SCHEMA_CONFIG);
    }

    /** Sends a request as the Api helper does (as test-user), with its own correlation id. */
    private void send(HttpMethod method, String path, String body, String causes, int expectedStatus) {
        String correlationId = "it-" + s + "-" + (correlationOf.size() + 1);
        correlationOf.put(causes, correlationId);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestIdentities.token("test-user", "poster"));
        headers.set("X-Correlation-Id", correlationId);
        ResponseEntity<String> r = http.exchange(path, method, new HttpEntity<>(body == null ? null : json(body), headers), String.class);
        assertThat(r.getStatusCode().value()).as(method + " " + path + ": " + r.getBody()).isEqualTo(expectedStatus);
        assertThat(r.getHeaders().getFirst("X-Correlation-Id")).isEqualTo(correlationId);
    }
}
