package dk.platform.ledger.kafka;

import dk.platform.test.TestIdentities;
import dk.platform.ledger.api.CommandSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dk.platform.ledger.api.Topics;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md §2, issue 5 item 1: commands over Kafka. Accounts and an open item are set up
 * through REST; then commands are sent on {@code ledger.commands} with a plain producer, as
 * another service would, and the answers are read from {@code ledger.command-results} with a
 * plain consumer: a write-off (ACCEPTED, POSTED), the same message again (ACCEPTED, REPLAYED,
 * nothing posted twice), an over-applying payment (REJECTED 422 with the rule's detail), an
 * unknown type and an amount as a JSON number (REJECTED 400), malformed JSON (REJECTED 400 under
 * its record key), a record with neither key nor readable commandId (skipped, and it does not
 * block what follows), and a reversal of the write-off (ACCEPTED). The events carry the sender
 * as {@code user} and the message's correlation id. A command sent while the database is out is
 * not answered until it is back, and then posted once. Poison records are parked in
 * ledger.commands.dlt and do not stop the commands behind them. Ids carry a random suffix: test classes
 * share one context, database and broker.
 */
@IntegrationTest
class LedgerCommandsKafkaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_BASE = "https://schemas.platform.dk/ledger/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig SCHEMA_CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    @Autowired
    TestRestTemplate http;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StorageFaults faults;

    /**
     * The context's own broker. Not the system property spring.embedded.kafka.brokers: every
     * embedded broker started in this JVM (CrashRecoveryIT starts one) overwrites it.
     */
    @Autowired
    EmbeddedKafkaBroker broker;

    private final String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private Api api;
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;
    /** Every answer read so far, by commandId, in the order they arrived. */
    private final Map<String, List<JsonNode>> results = new LinkedHashMap<>();

    @BeforeEach
    void connect() {
        api = new Api(http);
        String brokers = broker.getBrokersAsString();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "ledger-commands-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(Topics.LEDGER_COMMAND_RESULTS));
    }

    @AfterEach
    void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }

    @Test
    void commandsSentOnLedgerCommandsAreRunAndAnsweredOnLedgerCommandResults() throws Exception {
        TestChart.open(api);
        String party = "P-" + s, invoice = "INV-" + s, writeOff = "WO-" + s, payment = "PAY-" + s, reversal = "WO-" + s + "-rev";
        assertThat(api.post("/api/open-items", json("{'openItemId':'" + invoice + "','kind':'RECEIVABLE','party':'" + party + "',"
                + "'documentNo':'D-" + s + "','postingDate':'2026-03-31','dueDate':'2026-04-30','text':'Sygesikring marts',"
                + "'amount':'1000.00','controlAccount':'1100','offsetAccount':'1010'}")).status()).isEqualTo(201);

        // ---- a write-off: ACCEPTED, POSTED
        String writeOffCommand = "settlement:" + s + ":fee";
        String correlationId = "statement-" + s;
        ObjectNode writeOffMessage = message(writeOffCommand, "BookWriteOff", "{'openItemId':'" + invoice + "','writeOffId':'" + writeOff
                + "','postingDate':'2026-04-20','text':'Fondsbidrag','account':'7250','amount':'25.00'}", "settlement-service", correlationId);
        send(writeOffCommand, writeOffMessage.toString());
        assertThat(awaitResults(writeOffCommand, 1).get(0)).isEqualTo(accepted(writeOffCommand, "POSTED"));

        // ---- the same message again, as a redelivery would bring it: answered again, posts nothing
        send(writeOffCommand, writeOffMessage.toString());
        List<JsonNode> answers = awaitResults(writeOffCommand, 2);
        assertThat(answers.get(1)).isEqualTo(accepted(writeOffCommand, "REPLAYED"));

        // ---- an over-applying payment: REJECTED 422 with the rule's detail, nothing posted
        String paymentCommand = "settlement:" + s + ":pay";
        send(paymentCommand, message(paymentCommand, "ApplyPayment", "{'paymentId':'" + payment + "','party':'" + party + "',"
                + "'postingDate':'2026-04-20','text':'Indbetaling','cashAccount':'5820','amount':'1000.00',"
                + "'applications':[{'openItemId':'" + invoice + "','amount':'1000.00'}]}", "settlement-service", correlationId).toString());
        JsonNode overApplied = awaitResults(paymentCommand, 1).get(0);
        assertThat(overApplied.get("status").asText()).isEqualTo("REJECTED");
        assertThat(overApplied.get("errorStatus").asInt()).isEqualTo(422);
        assertThat(overApplied.get("error").asText())
                .startsWith("cannot apply 1000.00 to open item " + invoice + ": only 975.00 remains");
        assertThat(api.get("/api/audit/events?aggregateId=" + payment).status()).as("the payment posted nothing").isEqualTo(404);

        // ---- an unknown type, and an amount as a JSON number: REJECTED 400, saying what is wrong
        String unknownCommand = "settlement:" + s + ":unknown";
        send(unknownCommand, message(unknownCommand, "CancelEverything", "{'openItemId':'" + invoice + "'}", "settlement-service",
                correlationId).toString());
        JsonNode unknown = awaitResults(unknownCommand, 1).get(0);
        assertThat(unknown.get("status").asText()).isEqualTo("REJECTED");
        assertThat(unknown.get("errorStatus").asInt()).isEqualTo(400);
        assertThat(unknown.get("error").asText()).startsWith("unknown command type 'CancelEverything'; the ledger accepts ")
                .contains("BookWriteOff", "ApplyPayment", "ReverseEntry");

        String numberCommand = "settlement:" + s + ":number";
        ObjectNode numberMessage = message(numberCommand, "BookWriteOff", "{'openItemId':'" + invoice + "','writeOffId':'WO2-" + s
                + "','postingDate':'2026-04-20','text':'Fondsbidrag','account':'7250','amount':'25.00'}", "settlement-service", correlationId);
        ((ObjectNode) numberMessage.get("payload")).put("amount", new java.math.BigDecimal("25.00"));
        assertThat(schema("command-message.schema.json").validate(numberMessage)).as("the schema refuses it too").isNotEmpty();
        send(numberCommand, numberMessage.toString());
        JsonNode number = awaitResults(numberCommand, 1).get(0);
        assertThat(number.get("status").asText()).isEqualTo("REJECTED");
        assertThat(number.get("errorStatus").asInt()).isEqualTo(400);
        assertThat(number.get("error").asText()).isEqualTo("payload of BookWriteOff: field 'amount': amounts are decimal strings"
                + " such as \"1250.00\", not JSON numbers");
        assertThat(api.get("/api/audit/events?aggregateId=WO2-" + s).status()).isEqualTo(404);

        // ---- malformed JSON is answered under its record key; without a key it is not answered; both are parked, and do not block the topic
        String garbledKey = "settlement:" + s + ":garbled";
        send(garbledKey, "{\"commandId\": \"" + garbledKey + "\", \"type\": ");
        JsonNode garbled = awaitResults(garbledKey, 1).get(0);
        assertThat(garbled.get("errorStatus").asInt()).isEqualTo(400);
        assertThat(garbled.get("error").asText()).startsWith("malformed JSON: ");
        send(null, "not JSON at all " + s);

        // ---- the write-off reversed, without sender or correlation id: user "kafka", correlation id = commandId
        String reversalCommand = "settlement:" + s + ":undo";
        send(reversalCommand, message(reversalCommand, "ReverseEntry", "{'entryId':'" + writeOff + "','reversalId':'" + reversal
                + "','postingDate':'2026-04-21','text':'Forkert konto'}", null, null).toString(), "settlement", "clerk@clinic", TestIdentities.SETTLEMENT_SECRET);
        assertThat(awaitResults(reversalCommand, 1).get(0)).isEqualTo(accepted(reversalCommand, "POSTED"));

        // ---- what the ledger holds: one write-off, then its reversal; who and why on every event
        Api.Response history = api.get("/api/audit/events?aggregateId=" + writeOff);
        assertThat(history.status()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        history.body().forEach(events::add);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("WriteOffBooked", "EntryReversed");
        assertThat(events.get(0).at("/metadata/user").asText()).isEqualTo("settlement");
        assertThat(events.get(0).at("/metadata/service").asText()).isEqualTo("settlement");
        assertThat(events.get(0).at("/metadata/correlationId").asText()).isEqualTo(correlationId);
        assertThat(events.get(1).at("/metadata/user").asText()).isEqualTo("clerk@clinic");
        assertThat(events.get(1).at("/metadata/service").asText()).isEqualTo("settlement");
        assertThat(events.get(1).at("/metadata/correlationId").asText()).isEqualTo(reversalCommand);
        Api.Response item = api.get("/api/audit/events?aggregateId=" + invoice);
        List<JsonNode> itemEvents = new ArrayList<>();
        item.body().forEach(itemEvents::add);
        assertThat(itemEvents).extracting(e -> e.get("type").asText())
                .containsExactly("OpenItemRegistered", "OpenItemAllocated", "OpenItemAllocationReleased");
        assertThat(itemEvents.get(1).at("/metadata/user").asText()).isEqualTo("settlement");
        assertThat(itemEvents.get(1).at("/metadata/correlationId").asText()).isEqualTo(correlationId);
        api.await("/api/open-items/" + invoice, i -> i.get("remaining").asText().equals("1000.00")
                && i.get("history").size() == 3);

        // ---- every answer once per message, each in the documented shape
        collect(Duration.ofMillis(500));
        assertThat(results.keySet()).containsExactlyInAnyOrder(writeOffCommand, paymentCommand, unknownCommand, numberCommand,
                garbledKey, reversalCommand);
        assertThat(results.get(writeOffCommand)).hasSize(2);
        results.forEach((id, list) -> assertThat(list).as(id).hasSize(id.equals(writeOffCommand) ? 2 : 1));
        JsonSchema resultSchema = schema("command-result.schema.json");
        results.values().stream().flatMap(List::stream)
                .forEach(r -> assertThat(resultSchema.validate(r)).as(r.toString()).isEmpty());
        assertThat(schema("command-message.schema.json").validate(writeOffMessage)).isEmpty();
    }

    /**
     * Only a verified sender's commands run, and only the types it may send: an unsigned record, one
     * signed with a wrong secret, a type payroll may not send and settlement reversing an entry
     * posted over REST are answered REJECTED 401/403, and nothing is recorded.
     */
    @Test
    void commandsFromUnverifiedSendersOrOfTypesTheSenderMayNotSendAreRefusedAndRecordNothing() throws Exception {
        TestChart.open(api);
        String invoice = "INV-" + s, entry = "E-" + s;
        assertThat(api.post("/api/open-items", json("{'openItemId':'" + invoice + "','kind':'RECEIVABLE','party':'P-" + s + "',"
                + "'documentNo':'D-" + s + "','postingDate':'2026-03-31','dueDate':'2026-04-30','text':'Faktura',"
                + "'amount':'100.00','controlAccount':'1100','offsetAccount':'1010'}")).status()).isEqualTo(201);
        assertThat(api.post("/api/journal-entries", json("{'entryId':'" + entry + "','postingDate':'2026-03-31','text':'Husleje',"
                + "'lines':[{'account':'6100','debit':'50.00'},{'account':'5820','credit':'50.00'}]}")).status()).isEqualTo(201);
        long before = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
        String writeOff = "{'openItemId':'" + invoice + "','writeOffId':'WO-" + s + "','postingDate':'2026-04-20','text':'Gebyr',"
                + "'account':'7250','amount':'10.00'}";
        String unsigned = "unsigned:" + s, forged = "forged:" + s, notAllowed = "payroll-writeoff:" + s, notOwn = "reverse-rest:" + s;
        send(unsigned, message(unsigned, "BookWriteOff", writeOff, null, null).toString(), null, null, null);
        send(forged, message(forged, "BookWriteOff", writeOff, null, null).toString(), "settlement", null, "a guess");
        send(notAllowed, message(notAllowed, "BookWriteOff", writeOff, null, null).toString(), "payroll", null,
                TestIdentities.PAYROLL_SECRET);
        send(notOwn, message(notOwn, "ReverseEntry", "{'entryId':'" + entry + "','reversalId':'" + entry + "-rev','postingDate':'2026-04-21'}",
                null, null).toString());
        assertThat(awaitResults(unsigned, 1).get(0).get("errorStatus").asInt()).isEqualTo(401);
        assertThat(awaitResults(forged, 1).get(0).get("errorStatus").asInt()).isEqualTo(401);
        JsonNode refused = awaitResults(notAllowed, 1).get(0);
        assertThat(refused.get("errorStatus").asInt()).isEqualTo(403);
        assertThat(refused.get("error").asText()).startsWith("sender 'payroll' may not send BookWriteOff");
        assertThat(awaitResults(notOwn, 1).get(0).get("error").asText())
                .isEqualTo("sender 'settlement' may reverse only entries it posted; " + entry + " was not posted by it");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class)).isEqualTo(before);
    }

    /**
     * An outage is not a refusal: while the database is down (connection refused, as
     * {@link StorageFaults} plays it) the command fails, is not answered, not committed and not
     * parked, and is delivered again with back-off, for longer than a bad record would be (4
     * deliveries, 3.5 s); once the database is back it posts, and is answered once, ACCEPTED.
     */
    @Test
    void anOutageDelaysACommandButNeverRejectsParksOrLosesIt() throws Exception {
        TestChart.open(api);
        String invoice = "INV-" + s, writeOff = "WO-" + s, commandId = "outage:" + s;
        assertThat(api.post("/api/open-items", json("{'openItemId':'" + invoice + "','kind':'RECEIVABLE','party':'P-" + s + "',"
                + "'documentNo':'D-" + s + "','postingDate':'2026-03-31','dueDate':'2026-04-30','text':'Faktura',"
                + "'amount':'100.00','controlAccount':'1100','offsetAccount':'1010'}")).status()).isEqualTo(201);
        faults.inject(writeOff, StorageFaults.Fault.DATABASE_DOWN);
        try {
            send(commandId, message(commandId, "BookWriteOff", "{'openItemId':'" + invoice + "','writeOffId':'" + writeOff
                    + "','postingDate':'2026-04-20','text':'Gebyr','account':'7250','amount':'10.00'}", "settlement-service", null).toString());
            long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (System.nanoTime() < until) {
                collect(Duration.ofMillis(200));
            }
            assertThat(results).as("no answer while the database is out").doesNotContainKey(commandId);
            // a record that is itself bad would have been parked and answered after its 4th failure, at 3.5 s
            assertThat(faults.failures(writeOff)).as("delivered again and again").isGreaterThanOrEqualTo(4);
        } finally {
            faults.clear(writeOff);
        }
        assertThat(awaitResults(commandId, 1).get(0)).isEqualTo(accepted(commandId, "POSTED"));
        collect(Duration.ofMillis(500));
        assertThat(results.get(commandId)).as("answered once").hasSize(1);
        Api.Response history = api.get("/api/audit/events?aggregateId=" + writeOff);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).extracting(e -> e.get("type").asText()).containsExactly("WriteOffBooked");
        assertThat(deadLetters(commandId, Duration.ofMillis(500))).as("not parked").isEmpty();
    }

    /**
     * Issue 15: no record can stop the partition it is on. Each poison record is followed, on the
     * same partition (same key), by a valid command, which must be answered: an unsigned record
     * whose commandId is 500 kB (its answer would be too large to send: it is not answered); a
     * command the database refuses on every attempt (delivered 4 times, then answered REJECTED
     * 500); malformed JSON (answered REJECTED 400 under its key). Each lands in
     * ledger.commands.dlt, on the same partition, with its key, value and headers and the reason;
     * once its fault is fixed, the refused command sent again from there posts.
     */
    @Test
    void poisonRecordsAreParkedInTheDeadLetterTopicAndTheCommandsBehindThemAreAnswered() throws Exception {
        TestChart.open(api);
        String invoice = "INV-" + s, key = "poison:" + s;
        assertThat(api.post("/api/open-items", json("{'openItemId':'" + invoice + "','kind':'RECEIVABLE','party':'P-" + s + "',"
                + "'documentNo':'D-" + s + "','postingDate':'2026-03-31','dueDate':'2026-04-30','text':'Faktura',"
                + "'amount':'100.00','controlAccount':'1100','offsetAccount':'1010'}")).status()).isEqualTo(201);
        String hugeId = "x".repeat(500_000), refused = "refused:" + s, garbled = "{\"commandId\": \"garbled:" + s + "\", \"type\": ";
        faults.inject("WO-R-" + s, StorageFaults.Fault.REFUSES_THE_DATA);
        try {
            send(key, message(hugeId, "BookWriteOff", writeOff(invoice, "WO-H-" + s), null, null).toString(), null, null, null);
            String valid1 = "valid-1:" + s;
            send(key, message(valid1, "BookWriteOff", writeOff(invoice, "WO-V1-" + s), null, null).toString());
            send(key, message(refused, "BookWriteOff", writeOff(invoice, "WO-R-" + s), null, null).toString());
            String valid2 = "valid-2:" + s;
            send(key, message(valid2, "BookWriteOff", writeOff(invoice, "WO-V2-" + s), null, null).toString());
            send(key, garbled);
            String valid3 = "valid-3:" + s;
            send(key, message(valid3, "BookWriteOff", writeOff(invoice, "WO-V3-" + s), null, null).toString());

            assertThat(awaitResults(valid1, 1).get(0)).isEqualTo(accepted(valid1, "POSTED"));
            assertThat(awaitResults(valid2, 1).get(0)).isEqualTo(accepted(valid2, "POSTED"));
            assertThat(awaitResults(valid3, 1).get(0)).isEqualTo(accepted(valid3, "POSTED"));
            JsonNode failed = awaitResults(refused, 1).get(0);
            assertThat(failed.get("status").asText()).isEqualTo("REJECTED");
            assertThat(failed.get("errorStatus").asInt()).isEqualTo(500);
            assertThat(failed.get("error").asText()).contains("parked in ledger.commands.dlt");
            assertThat(faults.failures("WO-R-" + s)).as("delivered 4 times").isEqualTo(4);
            JsonNode unreadable = awaitResults(key, 1).get(0);
            assertThat(unreadable.get("errorStatus").asInt()).isEqualTo(400);
            assertThat(unreadable.get("error").asText()).startsWith("malformed JSON: ");
        } finally {
            faults.clear("WO-R-" + s);
        }

        List<ConsumerRecord<String, String>> parked = deadLetters(key, 3);
        assertThat(parked).hasSize(3);
        int partition = parked.get(0).partition();
        ConsumerRecord<String, String> huge = parked.get(0), refusedLetter = parked.get(1), garbledLetter = parked.get(2);
        assertThat(huge.value()).contains(hugeId);
        assertThat(header(huge, "kafka_dlt-exception-message"))
                .startsWith("commandId " + dk.platform.ledger.api.InputRules.quote(hugeId) + " is not well-formed");
        assertThat(refusedLetter.value()).contains(refused);
        assertThat(header(refusedLetter, "kafka_dlt-exception-message")).contains("the database refuses the command's data");
        assertThat(header(refusedLetter, "kafka_dlt-exception-cause-fqcn")).isEqualTo("java.sql.SQLException");
        assertThat(header(refusedLetter, CommandSignature.SIGNATURE_HEADER)).as("the original headers are kept").isNotNull();
        assertThat(garbledLetter.value()).isEqualTo(garbled);
        assertThat(header(garbledLetter, "kafka_dlt-exception-message")).startsWith("command " + key + " answered REJECTED (400): malformed JSON");
        for (ConsumerRecord<String, String> letter : parked) {
            assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.LEDGER_COMMANDS);
            assertThat(header(letter, "kafka_dlt-original-consumer-group")).isEqualTo("ledger-app");
            assertThat(ByteBuffer.wrap(letter.headers().lastHeader("kafka_dlt-original-partition").value()).getInt()).isEqualTo(partition);
            int headerBytes = 0;
            for (var h : letter.headers()) {
                headerBytes += h.key().length() + h.value().length;
            }
            assertThat(headerBytes).as("bounded reason headers").isLessThan(16_000);
        }

        // the fault fixed, the dead letter sent again as it is (README "Dead letters"): it posts
        ProducerRecord<String, String> replay = new ProducerRecord<>(Topics.LEDGER_COMMANDS, refusedLetter.key(), refusedLetter.value());
        refusedLetter.headers().forEach(h -> {
            if (!h.key().startsWith("kafka_dlt-")) {
                replay.headers().add(h);
            }
        });
        producer.send(replay).get(10, TimeUnit.SECONDS);
        assertThat(awaitResults(refused, 2).get(1)).isEqualTo(accepted(refused, "POSTED"));
    }

    /** One consumer per partition of ledger.commands in group ledger-app, offsets committed by the listener after the answer, no record given up. */
    @Test
    void theListenerIsWiredToCommitOnlyAfterAnsweringAndToRetryFailures() {
        MessageListenerContainer container = listeners.getListenerContainer("ledger-commands");
        assertThat(container).isNotNull();
        assertThat(container.getGroupId()).isEqualTo("ledger-app");
        assertThat(container.getContainerProperties().getTopics()).containsExactly(Topics.LEDGER_COMMANDS);
        assertThat(container.getContainerProperties().getAckMode()).isEqualTo(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        assertThat(((ConcurrentMessageListenerContainer<?, ?>) container).getConcurrency()).isEqualTo(12);
        assertThat(((ConcurrentMessageListenerContainer<?, ?>) container).getCommonErrorHandler()).isInstanceOf(DefaultErrorHandler.class);
    }

    // ---------------------------------------------------------------- helpers

    private static String writeOff(String invoice, String writeOffId) {
        return "{'openItemId':'" + invoice + "','writeOffId':'" + writeOffId + "','postingDate':'2026-04-20','text':'Gebyr',"
                + "'account':'7250','amount':'1.00'}";
    }

    /** The dead letters in ledger.commands.dlt with this key, in their order, once {@code count} have come (30 s at most). */
    private List<ConsumerRecord<String, String>> deadLetters(String key, int count) {
        return deadLetters(key, count, Duration.ofSeconds(30));
    }

    private List<ConsumerRecord<String, String>> deadLetters(String key, Duration quietFor) {
        return deadLetters(key, Integer.MAX_VALUE, quietFor);
    }

    private List<ConsumerRecord<String, String>> deadLetters(String key, int count, Duration atMost) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> dlt = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "ledger-dlt-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            dlt.subscribe(List.of(Topics.LEDGER_COMMANDS + ".dlt"));
            long deadline = System.nanoTime() + atMost.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                dlt.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ObjectNode message(String commandId, String type, String payload, String sender, String correlationId) {
        ObjectNode message = JSON.createObjectNode().put("commandId", commandId).put("type", type);
        try {
            message.set("payload", JSON.readTree(json(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sender != null) {
            message.put("sender", sender);
        }
        if (correlationId != null) {
            message.put("correlationId", correlationId);
        }
        return message;
    }

    private static JsonNode accepted(String commandId, String outcome) {
        return JSON.createObjectNode().put("commandId", commandId).put("status", "ACCEPTED").put("outcome", outcome);
    }

    /** Sends as settlement, signed with its secret (as the settlement service does). */
    private void send(String key, String value) throws Exception {
        send(key, value, "settlement", null, TestIdentities.SETTLEMENT_SECRET);
    }

    private void send(String key, String value, String sender, String onBehalfOf, String secret) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.LEDGER_COMMANDS, key, value);
        if (sender != null) {
            CommandSignature.headers(secret, sender, onBehalfOf, key, value).forEach(record.headers()::add);
        }
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /** Reads answers until {@code count} have arrived for the commandId (30 s at most) and answers them, checking their keys. */
    private List<JsonNode> awaitResults(String commandId, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (results.getOrDefault(commandId, List.of()).size() < count && System.nanoTime() < deadline) {
            collect(Duration.ofMillis(200));
        }
        assertThat(results.getOrDefault(commandId, List.of())).as("answers to %s on %s", commandId, Topics.LEDGER_COMMAND_RESULTS)
                .hasSizeGreaterThanOrEqualTo(count);
        return results.get(commandId);
    }

    private void collect(Duration timeout) {
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            if (record.key() == null || !record.key().contains(s)) {
                continue; // another test's answer
            }
            try {
                JsonNode result = JSON.readTree(record.value());
                assertThat(result.get("commandId").asText()).as("record key of " + record.value()).isEqualTo(record.key());
                results.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(result);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static JsonSchema schema(String path) {
        return SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + path), SCHEMA_CONFIG);
    }
}
