package dk.platform.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.CommandSignature;
import dk.platform.ledger.api.EventEnvelope;
import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.Topics;
import dk.platform.ledger.api.command.ItemLine;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.WriteOffBooked;
import dk.platform.settlement.openitem.OpenItemRecords;
import dk.platform.settlement.saga.SettlementSaga;
import dk.platform.settlement.statement.Assessment;
import dk.platform.settlement.statement.Planner;
import dk.platform.settlement.statement.Statement;
import dk.platform.settlement.statement.store.StatementRecords;
import dk.platform.test.KafkaProbe;
import dk.platform.settlement.support.WorkedExample;
import dk.platform.test.IntegrationTest;
import dk.platform.test.TestIdentities;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * settlement-service through its REST API and Kafka, with this test playing the ledger: it
 * publishes ledger events, reads the commands the saga sends on ledger.commands and answers them
 * on ledger.command-results (the real ledger: WorkedExampleWithTheRealLedgerIT).
 */
@IntegrationTest
class SettlementApiIT {

    static final AtomicInteger ITEMS = new AtomicInteger();
    static KafkaProbe kafka;

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    OpenItemRecords openItems;
    @Autowired
    StatementRecords records;
    @Autowired
    SagaStore<Object> sagas;

    @BeforeAll
    static void probe(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        kafka = new KafkaProbe(brokers, Topics.LEDGER_COMMANDS, Topics.SETTLEMENT_EVENTS, Topics.LEDGER_EVENTS + ".dlt",
                Topics.LEDGER_COMMAND_RESULTS + ".dlt");
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    // ------------------------------------------------------------------ the saga through Kafka

    @Test
    void aBalancedStatementWritesOffFirstPaysLastAndSettlesOnTheLedgersAnswers() throws Exception {
        String item = registeredItem("REGION-H");
        String id = "IT-OK-" + item;

        ResponseEntity<JsonNode> posted = post(worked(id, item, "46852.75"));
        assertThat(posted.getStatusCode().value()).isEqualTo(202);
        assertThat(posted.getHeaders().getLocation()).hasToString("/api/settlements/" + id);
        assertThat(posted.getBody().get("status").asText()).isEqualTo("POSTING");
        assertThat(posted.getBody().at("/plan/writeOffs").findValuesAsText("writeOffId"))
                .containsExactly(id + "-fee-1", id + "-fee-2", id + "-rej-R-1007", id + "-diff");

        List<JsonNode> writeOffs = commands(id, 4);
        assertThat(writeOffs).extracting(c -> c.get("type").asText()).containsOnly("BookWriteOff");
        JsonNode rejected = writeOffs.stream().filter(c -> c.get("commandId").asText().endsWith("-rej-R-1007")).findFirst().orElseThrow();
        assertThat(rejected.get("sender").asText()).isEqualTo("settlement");
        // signed as the settlement service, on behalf of whoever submitted the statement (the test API key here)
        ConsumerRecord<String, String> record = kafka.await(r -> r.topic().equals(Topics.LEDGER_COMMANDS)
                && r.key().equals(id + "-rej-R-1007"), 1).get(0);
        assertThat(header(record, CommandSignature.ON_BEHALF_OF_HEADER)).isEqualTo(TestIdentities.ALL_ROLES_KEY_NAME);
        assertThat(CommandSignature.verify(TestIdentities.SETTLEMENT_SECRET, "settlement", TestIdentities.ALL_ROLES_KEY_NAME,
                record.key(), record.value(), header(record, CommandSignature.SIGNATURE_HEADER))).isTrue();
        assertThat(rejected.get("correlationId").asText()).isEqualTo(id);
        assertThat(rejected.get("payload")).isEqualTo(json.readTree("""
                {"openItemId":"%s","writeOffId":"%s-rej-R-1007","postingDate":"2026-04-20","text":"Afvist regning R-1007",\
                "account":"1190","amount":"850.00","lineId":"practitioner-B"}""".formatted(item, id)));
        assertThat(kafka.during(Duration.ofSeconds(1), r -> r.key().equals(id + "-bank"))).as("the bank waits").isEmpty();

        answer(LedgerCommandResult.accepted(id + "-fee-1", "POSTED"));
        answer(LedgerCommandResult.accepted(id + "-fee-2", "POSTED"));
        booked(id + "-rej-R-1007", item);
        booked(id + "-rej-R-1007", item); // redelivered
        answer(LedgerCommandResult.accepted(id + "-diff", "POSTED"));

        JsonNode payment = commands(id + "-bank", 1).get(0);
        assertThat(payment.get("type").asText()).isEqualTo("ApplyPayment");
        assertThat(payment.at("/payload/amount").asText()).isEqualTo("46852.75");
        assertThat(payment.at("/payload/applications/0/openItemId").asText()).isEqualTo(item);
        answer(LedgerCommandResult.accepted(id + "-bank", "POSTED"));

        JsonNode settled = awaitStatus(id, "SETTLED");
        assertThat(settled.get("commands").findValuesAsText("status")).containsOnly("ACCEPTED");
        List<JsonNode> events = settlementEvents(id, 2);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("ClaimRejected", "StatementSettled");
        assertThat(events.get(0).get("payload")).isEqualTo(json.readTree("""
                {"statementId":"%s","openItemId":"%s","lineId":"practitioner-B","reference":"R-1007","amount":"850.00"}"""
                .formatted(id, item)));
        assertThat(events.get(0).get("eventId").asText()).isEqualTo(id + ":ClaimRejected:R-1007");
        assertThat(sagas.findSagas(SettlementSaga.class, new AssociationValue("statementId", id))).as("ended").isEmpty();

        int sent = sentTo(id).size();
        assertThat(sentTo(id).stream().map(ConsumerRecord::key).distinct()).hasSize(5);
        ResponseEntity<JsonNode> again = post(worked(id, item, "46852.75"));
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("status").asText()).isEqualTo("SETTLED");
        assertThat(kafka.during(Duration.ofSeconds(1), r -> r.topic().equals(Topics.LEDGER_COMMANDS) && r.key().startsWith(id)))
                .as("nothing sent again").hasSize(sent);
    }

    @Test
    void aWriteOffRefusedByTheLedgerIsCompensatedAndTheStatementFails() throws Exception {
        String item = registeredItem("REGION-H");
        String id = "IT-FAIL-" + item;
        assertThat(post(worked(id, item, "46852.75")).getStatusCode().value()).isEqualTo(202);
        commands(id, 4);

        answer(LedgerCommandResult.accepted(id + "-fee-1", "POSTED"));
        answer(LedgerCommandResult.rejected(id + "-rej-R-1007", 422, "account 1190 does not exist; create it in the chart of accounts first"));
        answer(LedgerCommandResult.accepted(id + "-fee-2", "POSTED"));
        answer(LedgerCommandResult.rejected(id + "-diff", 422, "account 3090 does not exist"));

        List<JsonNode> reversals = commands(id, 6).stream().filter(c -> c.get("type").asText().equals("ReverseEntry")).toList();
        assertThat(reversals.stream().map(c -> c.at("/payload/entryId").asText()).distinct()).containsExactlyInAnyOrder(id + "-fee-1", id + "-fee-2");
        answer(LedgerCommandResult.accepted(id + "-fee-1-rev", "POSTED"));
        answer(LedgerCommandResult.accepted(id + "-fee-2-rev", "POSTED"));

        JsonNode failed = awaitStatus(id, "FAILED");
        assertThat(failed.get("reason").asText()).contains("BookWriteOff " + id + "-rej-R-1007 was rejected by the ledger (422):"
                + " account 1190 does not exist", "reversed " + id + "-fee-1-rev, " + id + "-fee-2-rev");
        assertThat(failed.get("commands").findValuesAsText("commandId")).contains(id + "-fee-1-rev", id + "-fee-2-rev");
        assertThat(settlementEvents(id, 1)).extracting(e -> e.get("type").asText()).containsExactly("StatementFailed");
        assertThat(sentTo(id + "-bank")).as("no bank").isEmpty();
    }

    @Test
    void aStatementOffByOneOereIsRejectedWithTheGapAndSendsNothing() {
        String item = registeredItem("REGION-H");
        String id = "IT-GAP-" + item;

        ResponseEntity<JsonNode> posted = post(worked(id, item, "46852.74"));

        assertThat(posted.getStatusCode().value()).isEqualTo(200);
        assertThat(posted.getBody().get("status").asText()).isEqualTo("REJECTED");
        assertThat(posted.getBody().get("gap").asText()).isEqualTo("0.01");
        assertThat(posted.getBody().get("reason").asText()).contains("differs by 0.01");
        JsonNode shown = http.getForObject("/api/settlements/" + id, JsonNode.class);
        assertThat(shown.get("status").asText()).isEqualTo("REJECTED");
        assertThat(shown.get("gap").asText()).isEqualTo("0.01");
        assertThat(settlementEvents(id, 1)).extracting(e -> e.get("type").asText()).containsExactly("StatementRejected");
        assertThat(kafka.during(Duration.ofSeconds(2), r -> r.topic().equals(Topics.LEDGER_COMMANDS) && r.key().startsWith(id))).isEmpty();
        assertThat(sagas.findSagas(SettlementSaga.class, new AssociationValue("statementId", id))).isEmpty();
    }

    @Test
    void aStatementWhoseSagaNeverStartedOrWhoseAnswersGetLostIsPickedUpAgain() {
        String item = registeredItem("REGION-H");
        String id = "IT-SWEEP-" + item;
        Statement statement = WorkedExample.statement(id, "46852.75");
        statement = new Statement(id, statement.party(), item, statement.settlementDate(), statement.cashAccount(),
                statement.bankAmount(), statement.fees(), statement.rejected(), statement.difference());
        // as if the service stopped right after recording it
        records.insertPlanned(statement, "hash", ((Assessment.Planned) Planner.assess(statement, openItems.find(item).orElseThrow())).plan(), "tests");

        assertThat(kafka.await(r -> r.key().equals(id + "-fee-1"), 1)).as("started by the sweeper").hasSize(1);
        assertThat(kafka.await(r -> r.key().equals(id + "-fee-1"), 2)).as("sent again, unanswered").hasSize(2);
        assertThat(records.find(id).orElseThrow().status().name()).isEqualTo("POSTING");
        for (String suffix : List.of("-fee-1", "-fee-2", "-rej-R-1007", "-diff")) {
            answer(LedgerCommandResult.rejected(id + suffix, 404, "no open item with id '" + item + "'"));
        }
        awaitStatus(id, "FAILED");
    }

    // ------------------------------------------------------------------ refusals

    /**
     * Issue 15: records this service cannot read (not JSON, not the contract) are parked in
     * {@code <topic>.dlt} with the reason and do not block the records behind them on their
     * partition (same key).
     */
    @Test
    void theServiceShowsAnOpenItemAsItKnowsItFromTheLedgersEventsAndParksUnreadableOnes() throws Exception {
        String item = registeredItem("REGION-H");
        kafka.send(Topics.LEDGER_EVENTS, item, "not JSON at all"); // parked, does not block what follows
        kafka.send(Topics.LEDGER_EVENTS, item, "{\"eventId\":\"e\",\"type\":\"OpenItemAllocated\",\"payload\":{\"amount\":12}}");
        kafka.send(Topics.LEDGER_COMMAND_RESULTS, item, "[]");
        publish(item, 1, new dk.platform.ledger.api.event.OpenItemAllocated(item, "X-1", "practitioner-B", Money.of("850.00"),
                dk.platform.ledger.api.AllocationReason.WRITE_OFF, WorkedExample.DATE, Money.of("47400.00")));
        publish(item, 1, new dk.platform.ledger.api.event.OpenItemAllocated(item, "X-1", "practitioner-B", Money.of("850.00"),
                dk.platform.ledger.api.AllocationReason.WRITE_OFF, WorkedExample.DATE, Money.of("47400.00"))); // redelivered
        publish(item, 2, new dk.platform.ledger.api.event.OpenItemAllocated(item, "X-2", "practitioner-A", Money.of("100.00"),
                dk.platform.ledger.api.AllocationReason.PAYMENT, WorkedExample.DATE, Money.of("47300.00")));
        await().atMost(Duration.ofSeconds(60)).until(() -> "47300.00".equals(
                http.getForObject("/api/open-items/" + item, JsonNode.class).get("remaining").asText()));
        assertThat(http.getForObject("/api/open-items/" + item, JsonNode.class)).isEqualTo(json.readTree("""
                {"openItemId":"%s","kind":"RECEIVABLE","party":"REGION-H","amount":"48250.00","remaining":"47300.00","status":"OPEN",                "lines":[{"lineId":"practitioner-A","amount":"30000.00","remaining":"29900.00"},                {"lineId":"practitioner-B","amount":"18250.00","remaining":"17400.00"}]}""".formatted(item)));

        List<ConsumerRecord<String, String>> parked = kafka.await(r -> r.topic().equals(Topics.LEDGER_EVENTS + ".dlt")
                && r.key().equals(item), 2);
        assertThat(parked).extracting(ConsumerRecord::value).containsExactly("not JSON at all",
                "{\"eventId\":\"e\",\"type\":\"OpenItemAllocated\",\"payload\":{\"amount\":12}}");
        assertThat(header(parked.get(0), "kafka_dlt-exception-message")).startsWith("not readable as the published contract: malformed JSON");
        assertThat(header(parked.get(0), "kafka_dlt-original-consumer-group")).isEqualTo("settlement-service");
        ConsumerRecord<String, String> answer = kafka.await(r -> r.topic().equals(Topics.LEDGER_COMMAND_RESULTS + ".dlt")
                && r.key().equals(item), 1).get(0);
        assertThat(answer.value()).isEqualTo("[]");
        assertThat(header(answer, "kafka_dlt-exception-message")).startsWith("not readable as the published contract");
    }

    @Test
    void malformedOrInvalidStatementsAre400WithTheField() {
        assertProblem(postRaw("{\"statementId\":\"X\",\"bankAmount\":46852.75}", MediaType.APPLICATION_JSON), 400,
                "field 'bankAmount': amounts are decimal strings");
        assertProblem(postRaw("{\"statementId\":\"X\",\"bank\":\"1.00\"}", MediaType.APPLICATION_JSON), 400, "unknown field 'bank'");
        String noFeeAmount = worked("IT-400", "SS-X", "46852.75").replace("\"412.50\"", "\"-412.50\"");
        assertProblem(postRaw(noFeeAmount, MediaType.APPLICATION_JSON), 400, "fees[0].amount must be positive, not -412.50");
        assertProblem(postRaw(worked("IT 400", "SS-X", "46852.75"), MediaType.APPLICATION_JSON), 400,
                "statementId 'IT 400' is not well-formed");
        assertProblem(postRaw(worked("IT-400", "SS-X", "46852.75").replace("\"settlementDate\":\"2026-04-20\",", ""),
                MediaType.APPLICATION_JSON), 400, "settlementDate is required");
    }

    @Test
    void anUnknownItemIs404AndAnotherPartysItemIs422AndNothingIsRecorded() {
        assertProblem(postRaw(worked("IT-404", "NO-SUCH-ITEM", "46852.75"), MediaType.APPLICATION_JSON), 404,
                "open item 'NO-SUCH-ITEM' is not known to the settlement service");
        String item = registeredItem("REGION-S");
        assertProblem(postRaw(worked("IT-422", item, "46852.75"), MediaType.APPLICATION_JSON), 422,
                "open item " + item + " belongs to party REGION-S, not to REGION-H");
        assertThat(http.getForEntity("/api/settlements/IT-422", String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theSameStatementIdWithAnotherBodyIs409() {
        String item = registeredItem("REGION-H");
        String id = "IT-409-" + item;
        assertThat(post(worked(id, item, "46852.70")).getBody().get("status").asText()).isEqualTo("REJECTED");
        assertThat(post(worked(id, item, "46852.70")).getStatusCode().value()).as("the same again").isEqualTo(200);
        assertProblem(postRaw(worked(id, item, "46852.75"), MediaType.APPLICATION_JSON), 409,
                "statement '" + id + "' was already submitted with another body (it is REJECTED)");
    }

    @Test
    void theSampleCsvIsAcceptedAndABadFileIsRefusedWholeWithLineNumbers() throws IOException {
        String item = registeredItem("REGION-H");
        String id = "IT-CSV-" + item;
        String csv;
        try (InputStream sample = getClass().getResourceAsStream("/samples/statement-SS-2026-03.csv")) {
            csv = new String(sample.readAllBytes(), StandardCharsets.UTF_8).replace("RH-2026-04", id).replace("SS-2026-03", item);
        }
        ResponseEntity<JsonNode> posted = postCsv(csv.replace("Administrationsgebyr", "Tryghedsordning æøå"));
        assertThat(posted.getStatusCode().value()).isEqualTo(202);
        assertThat(posted.getBody().at("/plan/writeOffs/1/text").asText()).as("read as UTF-8").isEqualTo("Tryghedsordning æøå");
        assertThat(posted.getBody().at("/plan/writeOffs/2/writeOffId").asText()).isEqualTo(id + "-rej-R-1007");
        assertThat(postCsv(csv.replace("Administrationsgebyr", "Tryghedsordning æøå")).getStatusCode().value())
                .as("uploaded again").isEqualTo(200);
        ResponseEntity<JsonNode> sameAsJson = post(worked(id, item, "46852.75").replace("Administrationsgebyr", "Tryghedsordning æøå"));
        assertThat(sameAsJson.getStatusCode().value()).as("the same statement as JSON").isEqualTo(200);

        String bad = csv.replace(id, "IT-CSV-BAD").replace("850.00", "850,00").replace("fee,Fondsbidrag,412.50", "fee,,412.50");
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/settlements", new HttpEntity<>(bad, headers(MediaType.valueOf("text/csv"))),
                JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors")).extracting(JsonNode::asText).containsExactly("line 6: fee text is required",
                "line 9: 6 fields where 4 to 5 are expected: rejected,lineId,reference,amount[,account]");
        assertThat(http.getForEntity("/api/settlements/IT-CSV-BAD", String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void everyEndpointHasAnOpenApiExample() {
        JsonNode docs = http.getForObject("/v3/api-docs", JsonNode.class);
        JsonNode post = docs.at("/paths/~1api~1settlements/post");
        assertThat(post.at("/requestBody/content/application~1json/examples").toString()).contains("RH-2026-04", "46852.75");
        assertThat(post.at("/requestBody/content/text~1csv/examples").toString()).as(post.toString()).contains("statement,RH-2026-04");
        assertThat(post.at("/responses/202/content").toString()).contains("RH-2026-04-bank");
        assertThat(docs.at("/paths/~1api~1settlements~1{statementId}/get/responses/200/content").toString())
                .contains("SETTLED", "differs by 0.05");
        assertThat(docs.at("/paths/~1api~1open-items~1{openItemId}/get/responses/200/content").toString()).contains("practitioner-B");
        assertThat(docs.get("paths").fieldNames()).toIterable().filteredOn(path -> path.startsWith("/api/"))
                .containsExactlyInAnyOrder("/api/settlements", "/api/settlements/{statementId}", "/api/open-items/{openItemId}");
    }

    // ------------------------------------------------------------------ helpers

    /** Plays the ledger registering an open item of the worked example's shape; waits until the service knows it. */
    private String registeredItem(String party) {
        String item = "ITEM-" + ITEMS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        OpenItemRegistered registered = new OpenItemRegistered(item, OpenItemKind.RECEIVABLE, party, "2026-03", LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 4, 30), "Sygesikring marts", Money.of("48250.00"), "1100", "1010",
                List.of(new ItemLine("practitioner-A", "A", Money.of("30000.00")), new ItemLine("practitioner-B", "B", Money.of("18250.00"))),
                List.of());
        assertThat(http.getForEntity("/api/open-items/" + item, String.class).getStatusCode().value()).isEqualTo(404);
        publish(item, 0, registered);
        await().atMost(Duration.ofSeconds(60)).until(() -> http.getForEntity("/api/open-items/" + item, String.class)
                .getStatusCode().value() == 200);
        return item;
    }

    private void booked(String writeOffId, String item) {
        publish(writeOffId, 0, new WriteOffBooked(writeOffId, item, "practitioner-B", WorkedExample.DATE, "x", "1190", Money.of("850.00"),
                List.of()));
    }

    private void publish(String aggregateId, long sequence, Object event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), event.getClass().getSimpleName(),
                EventEnvelope.SCHEMA_VERSION, aggregateId, sequence, WorkedExample.DATE, Instant.now(),
                new EventEnvelope.Metadata("test", null, "test", null), json.valueToTree(event));
        kafka.send(Topics.LEDGER_EVENTS, aggregateId, write(envelope));
    }

    private void answer(LedgerCommandResult result) {
        kafka.send(Topics.LEDGER_COMMAND_RESULTS, result.commandId(), write(result));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private List<JsonNode> commands(String keyPrefix, int count) {
        List<ConsumerRecord<String, String>> found = kafka.await(
                r -> r.topic().equals(Topics.LEDGER_COMMANDS) && r.key().startsWith(keyPrefix), count);
        assertThat(found).as("commands " + keyPrefix + "*").hasSizeGreaterThanOrEqualTo(count);
        return found.stream().map(r -> read(r.value())).toList();
    }

    private List<ConsumerRecord<String, String>> sentTo(String keyPrefix) {
        return kafka.during(Duration.ofMillis(300), r -> r.topic().equals(Topics.LEDGER_COMMANDS) && r.key().startsWith(keyPrefix));
    }

    private List<JsonNode> settlementEvents(String statementId, int count) {
        List<ConsumerRecord<String, String>> found = kafka.await(
                r -> r.topic().equals(Topics.SETTLEMENT_EVENTS) && r.key().equals(statementId), count);
        assertThat(found).hasSize(count);
        return found.stream().map(r -> read(r.value())).toList();
    }

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(
                http.getForObject("/api/settlements/" + id, JsonNode.class).get("status").asText()));
        return http.getForObject("/api/settlements/" + id, JsonNode.class);
    }

    static String worked(String statementId, String item, String bankAmount) {
        return """
                {"statementId":"%s","party":"REGION-H","openItemId":"%s","settlementDate":"2026-04-20",\
                "cashAccount":"5820","bankAmount":"%s",\
                "fees":[{"text":"Fondsbidrag","amount":"412.50","account":"7250"},{"text":"Administrationsgebyr","amount":"137.25"}],\
                "rejected":[{"lineId":"practitioner-B","reference":"R-1007","amount":"850.00"}],\
                "difference":{"amount":"-2.50"}}""".formatted(statementId, item, bankAmount);
    }

    private ResponseEntity<JsonNode> post(String body) {
        return http.postForEntity("/api/settlements", new HttpEntity<>(body, headers(MediaType.APPLICATION_JSON)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> postCsv(String body) {
        return http.postForEntity("/api/settlements", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8),
                headers(MediaType.valueOf("text/csv"))), JsonNode.class);
    }

    private ResponseEntity<String> postRaw(String body, MediaType type) {
        return http.postForEntity("/api/settlements", new HttpEntity<>(body, headers(type)), String.class);
    }

    private static HttpHeaders headers(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return headers;
    }

    private void assertProblem(ResponseEntity<String> response, int status, String detail) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(read(response.getBody()).get("detail").asText()).contains(detail);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
