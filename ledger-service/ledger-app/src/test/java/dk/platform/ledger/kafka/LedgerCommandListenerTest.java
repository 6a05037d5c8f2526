package dk.platform.ledger.kafka;

import dk.platform.ledger.api.InputRules;
import dk.platform.support.input.InputJson;
import dk.platform.support.input.StrictJson;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import dk.platform.ledger.api.LedgerCommandTypes;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.CommandSignature;
import dk.platform.ledger.api.Topics;
import dk.platform.ledger.security.KafkaSenders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.entry.CommandOutcome;
import dk.platform.ledger.infra.kafka.LedgerCommandListener;
import dk.platform.ledger.infra.web.LedgerGateway;
import dk.platform.support.kafka.BoundedText;
import dk.platform.support.kafka.PoisonRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.SendResult;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The listener's decisions without a broker: what it sends on the command bus, what it answers,
 * and that only the ledger saying no is an answer; an outage or a failed send is thrown, so the
 * record is neither answered nor acknowledged and comes again.
 */
class LedgerCommandListenerTest {

    /** Configured as application.yml configures the app's ObjectMapper. */
    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.DEFAULT_VIEW_INCLUSION)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static final String WRITE_OFF = "{'openItemId':'SS-1','writeOffId':'WO-1','postingDate':'2026-04-20','text':'Fondsbidrag',"
            + "'account':'7250','amount':'412.50'}";
    static final BookWriteOff WRITE_OFF_COMMAND = new BookWriteOff("SS-1", "WO-1", LocalDate.of(2026, 4, 20), "Fondsbidrag", "7250",
            Money.of("412.50"), null);

    LedgerGateway ledger = mock(LedgerGateway.class);
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    Acknowledgment ack = mock(Acknowledgment.class);
    /** Settlement may send these; payroll posted entry PAY-1 and settlement WO-1; REST posted REST-1. */
    KafkaSenders senders = new KafkaSenders(Map.of(
            "settlement", new KafkaSenders.Sender(SECRET, Set.of("BookWriteOff", "ApplyPayment", "ReverseEntry")),
            "payroll", new KafkaSenders.Sender("payroll-secret", Set.of("PostJournalEntry", "ReverseEntry"))),
            entryId -> Map.of("PAY-1", "payroll", "WO-1", "settlement", "REST-1", "").get(entryId));
    LedgerCommandListener listener = new LedgerCommandListener(ledger, kafka, JSON,
            new InputJson(StrictJson.forInput(JSON, StrictJson.DateRange.DEFAULT)), senders);

    @BeforeEach
    void sendsSucceed() {
        when(kafka.send(anyString(), anyString(), anyString())).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
    }

    static String message(String commandId, String type, String payload, String extra) {
        return json("{'commandId':'" + commandId + "','type':'" + type + "','payload':" + payload + extra + "}");
    }

    static final String SECRET = "settlement-secret";

    /** A record signed by settlement. */
    static ConsumerRecord<String, String> record(String key, String value) {
        return record(key, value, "settlement", null, SECRET);
    }

    static ConsumerRecord<String, String> record(String key, String value, String sender, String onBehalfOf, String secret) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.LEDGER_COMMANDS, 1, 42, key, value);
        if (sender != null) {
            CommandSignature.headers(secret, sender, onBehalfOf, key, value).forEach(record.headers()::add);
        }
        return record;
    }

    /** The one answer sent, after which the record was acknowledged. */
    JsonNode answered(String key) throws Exception {
        ArgumentCaptor<String> value = ArgumentCaptor.forClass(String.class);
        InOrder order = inOrder(kafka, ack);
        order.verify(kafka).send(eq(Topics.LEDGER_COMMAND_RESULTS), eq(key), value.capture());
        order.verify(ack).acknowledge();
        return JSON.readTree(value.getValue());
    }

    @Test
    void aCommandGoesThroughTheGatewayWithTheSignedSenderAndCorrelationIdAndIsAnsweredBeforeTheOffsetIsCommitted() throws Exception {
        when(ledger.sendAndWait(WRITE_OFF_COMMAND, "settlement", "settlement", "SS-2026-03")).thenReturn(CommandOutcome.POSTED);
        listener.on(record("c-1", message("c-1", "BookWriteOff", WRITE_OFF, ",'sender':'settlement-service','correlationId':'SS-2026-03'")), ack);
        assertThat(answered("c-1")).isEqualTo(JSON.readTree(json("{'commandId':'c-1','status':'ACCEPTED','outcome':'POSTED'}")));
    }

    @Test
    void withoutCorrelationIdItIsTheCommandIdAndTheUserIsTheServiceOrWhomItActsFor() throws Exception {
        ReverseEntry reversal = new ReverseEntry("WO-1", "WO-1-rev", LocalDate.of(2026, 4, 21), null);
        when(ledger.sendAndWait(reversal, "settlement", "settlement", "c-2")).thenReturn(CommandOutcome.REPLAYED);
        listener.on(record("c-2", message("c-2", "ReverseEntry", "{'entryId':'WO-1','reversalId':'WO-1-rev','postingDate':'2026-04-21'}",
                ",'sender':null,'correlationId':'  '")), ack);
        assertThat(answered("c-2")).isEqualTo(JSON.readTree(json("{'commandId':'c-2','status':'ACCEPTED','outcome':'REPLAYED'}")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "invalid    | 400 | text is longer than 200 characters",
            "notFound   | 404 | no open item with id 'SS-1'",
            "conflict   | 409 | id 'WO-1' is already used by ApplyPayment",
            "rule       | 422 | cannot apply 412.50 to open item SS-1: only 100.00 remains",
            "aggregate  | 404 | no entry with id 'SS-1'",
            "race       | 409 | another command changed the same entry at the same time, and retrying did not resolve it; send the command again",
            "illegal    | 400 | amount 1.005 has more than 2 decimals"})
    void aRefusalIsAnsweredRejectedWithTheStatusAndDetailOfTheRestApi(String kind, int status, String detail) throws Exception {
        RuntimeException refusal = switch (kind) {
            case "invalid" -> new LedgerException.Invalid(detail);
            case "notFound" -> new LedgerException.NotFound(detail);
            case "conflict" -> new LedgerException.Conflict(detail);
            case "rule" -> new LedgerException.RuleViolation(detail);
            case "aggregate" -> new AggregateNotFoundException("SS-1", "not found");
            case "race" -> new ConcurrencyException("sequence 3 taken");
            default -> new IllegalArgumentException(detail);
        };
        when(ledger.sendAndWait(any(), anyString(), anyString(), anyString())).thenThrow(refusal);
        listener.on(record("c-3", message("c-3", "BookWriteOff", WRITE_OFF, "")), ack);
        JsonNode answer = answered("c-3");
        assertThat(answer.get("status").asText()).isEqualTo("REJECTED");
        assertThat(answer.get("errorStatus").asInt()).isEqualTo(status);
        assertThat(answer.get("error").asText()).isEqualTo(detail);
        assertThat(answer.has("outcome")).isFalse();
    }

    @Test
    void anOutageIsNotAnAnswer() {
        for (RuntimeException outage : new RuntimeException[]{new CannotGetJdbcConnectionException("database down"),
                new DataAccessResourceFailureException("database down"), new IllegalStateException("no handler yet")}) {
            doThrow(outage).when(ledger).sendAndWait(any(), anyString(), anyString(), anyString());
            assertThatThrownBy(() -> listener.on(record("c-4", message("c-4", "BookWriteOff", WRITE_OFF, "")), ack)).isSameAs(outage);
        }
        verify(kafka, never()).send(anyString(), anyString(), anyString());
        verifyNoInteractions(ack);
    }

    @Test
    void anAnswerThatCannotBeSentIsNotAcknowledged() {
        when(ledger.sendAndWait(any(), anyString(), anyString(), anyString())).thenReturn(CommandOutcome.POSTED);
        when(kafka.send(anyString(), anyString(), anyString())).thenReturn(CompletableFuture.failedFuture(new RuntimeException("broker down")));
        assertThatThrownBy(() -> listener.on(record("c-5", message("c-5", "BookWriteOff", WRITE_OFF, "")), ack))
                .isInstanceOf(ExecutionException.class);
        verifyNoInteractions(ack);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{'commandId':'c-6','type':'CancelEverything','payload':{}}"
                    + "| unknown command type 'CancelEverything'; the ledger accepts {types}",
            "{'commandId':'c-6','payload':{}}| type is required: one of {types}",
            "{'commandId':'c-6','type':'BookWriteOff'}| payload is required: the BookWriteOff command as a JSON object",
            "{'commandId':'c-6','type':'BookWriteOff','payload':'WO-1'}| payload is required: the BookWriteOff command as a JSON object",
            "{'commandId':'c-6','type':'BookWriteOff','payload':{'writeOffId':'WO-1','amount':412.50}}"
                    + "| payload of BookWriteOff: field 'amount': amounts are decimal strings such as \"1250.00\", not JSON numbers",
            "{'commandId':'c-6','type':'BookWriteOff','payload':{'writeOffId':'WO-1','amount':'412.505'}}"
                    + "| payload of BookWriteOff: field 'amount': '412.505' is not an amount: write a decimal string with at most 2 decimals,"
                    + " such as \"1250.00\" or \"-2.50\"",
            "{'commandId':'c-6','type':'BookWriteOff','payload':{'writeOffId':'WO-1','postingDate':'2026-02-30'}}"
                    + "| payload of BookWriteOff: field 'postingDate': '2026-02-30' is not a date (yyyy-mm-dd)",
            "{'commandId':'c-6','type':'BookWriteOff','payload':{'writeOffId':'WO-1','postingDate':20260101}}"
                    + "| payload of BookWriteOff: field 'postingDate': a date is a string \"yyyy-mm-dd\", not a number",
            "{'commandId':'c-6','type':'BookWriteOff','payload':{'writeOffId':'WO-1','postingDate':'+12026-01-01'}}"
                    + "| payload of BookWriteOff: field 'postingDate': '+12026-01-01' is not a date (yyyy-mm-dd)",
            "{'commandId':'c-6','type':'BookWriteOff','payload':{'writeOffId':'WO-1','postingDate':'0000-01-01'}}"
                    + "| payload of BookWriteOff: field 'postingDate': 0000-01-01 is outside the dates this ledger takes (1900-01-01 to 2999-12-31)",
            "{'commandId':'c-6','type':'BookWriteOff','payload':{'writeOffId':true}}"
                    + "| payload of BookWriteOff: field 'writeOffId': must be a JSON string, not a boolean",
            "{'commandId':'c-6','type':'BookWriteOff','payload':{'writeOffId':'WO-1','comment':'x'}}"
                    + "| payload of BookWriteOff: unknown field 'comment'",
            "{'commandId':'c-6','type':'BookWriteOff','payload':{},'priority':'high'}| message: unknown field 'priority'",
            "{'commandId':'c-6','type':'BookWriteOff','payload':{},'correlationId':'not safe!'}"
                    + "| correlationId 'not safe!' is not well-formed: 1 to 100 of A-Z a-z 0-9 . _ : -",
            "{'commandId':'c-6','type':'BookWriteOff','payload':{},'correlationId':'" + "%s" + "'}"
                    + "| correlationId {echo} is not well-formed: 1 to 100 of A-Z a-z 0-9 . _ : -",
            "{'commandId':'c-6','type':'%s','payload':{}}"
                    + "| unknown command type {echo}; the ledger accepts {types}"})
    void aMalformedMessageIsAnsweredRejected400SayingWhatIsWrongAndParked(String message, String error) throws Exception {
        String value = json(message.replace("%s", "x".repeat(500)));
        String commandId = JSON.readTree(value).get("commandId").asText();
        assertThatThrownBy(() -> listener.on(record("key-6", value), ack)).isInstanceOf(PoisonRecord.class)
                .hasMessageStartingWith("command c-6 answered REJECTED (400): ");
        verifyNoInteractions(ledger);
        JsonNode answer = answeredAndParked(commandId);
        assertThat(answer.get("status").asText()).isEqualTo("REJECTED");
        assertThat(answer.get("errorStatus").asInt()).isEqualTo(400);
        assertThat(answer.get("error").asText()).isEqualTo(error.replace("{types}", String.join(", ", LedgerCommandTypes.names()))
                .replace("{echo}", InputRules.quote("x".repeat(500))));
    }

    @Test
    void withoutAReadableCommandIdTheRecordKeyIsAnsweredAndWithoutAWellFormedOneTheRecordIsParkedUnanswered() throws Exception {
        assertThatThrownBy(() -> listener.on(record("key-7", "{\"commandId\": \"c-7\", \"type\": "), ack))
                .isInstanceOf(PoisonRecord.class);
        JsonNode answer = answeredAndParked("key-7");
        assertThat(answer.get("errorStatus").asInt()).isEqualTo(400);
        assertThat(answer.get("error").asText()).startsWith("malformed JSON: ");

        Acknowledgment second = mock(Acknowledgment.class);
        for (ConsumerRecord<String, String> unanswerable : List.of(record(null, "{'commandId':'c-8'"), record(" ", "[1, 2]"),
                record(null, null), record(null, "{\"type\":\"BookWriteOff\",\"payload\":{}}"),
                record("..", "not JSON"), record("k".repeat(121), "not JSON"))) {
            assertThatThrownBy(() -> listener.on(unanswerable, second)).isInstanceOf(PoisonRecord.class)
                    .hasMessageEndingWith("the record names no well-formed commandId or key, so it is not answered");
        }
        verifyNoInteractions(second);
        verify(kafka, times(1)).send(anyString(), anyString(), anyString());
        verifyNoInteractions(ledger);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"c 6", "..", "x"})
    void aCommandIdThatIsNotWellFormedIsNeverAnsweredAndTheReasonQuotesOnlyItsStart(String commandId) {
        String id = commandId.equals("x") ? "x".repeat(500_000) : commandId;
        String value = JSON.createObjectNode().put("commandId", id).put("type", "BookWriteOff").toString();
        assertThatThrownBy(() -> listener.on(record("same-key", value, null, null, null), ack))
                .isInstanceOf(PoisonRecord.class)
                .hasMessageStartingWith("commandId " + InputRules.quote(id) + " is not well-formed")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        verify(kafka, never()).send(anyString(), anyString(), anyString());
        verifyNoInteractions(ledger, ack);
    }

    @Test
    void aCommandParkedAfterFailingOnEachDeliveryIsAnsweredRejected500() throws Exception {
        String value = message("c-10", "BookWriteOff", WRITE_OFF, "");
        listener.answerParked(record("c-10", value), new ListenerExecutionFailedException("failed", new IllegalStateException("bug")));
        ArgumentCaptor<String> answer = ArgumentCaptor.forClass(String.class);
        verify(kafka).send(eq(Topics.LEDGER_COMMAND_RESULTS), eq("c-10"), answer.capture());
        JsonNode rejected = JSON.readTree(answer.getValue());
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("errorStatus").asInt()).isEqualTo(500);
        assertThat(rejected.get("error").asText()).contains("parked in ledger.commands.dlt");

        // a poison record was answered when it was read, or cannot be
        listener.answerParked(record("c-11", value), new ListenerExecutionFailedException("failed", new PoisonRecord("bad")));
        listener.answerParked(record("c-12", "not JSON"), new ListenerExecutionFailedException("failed", new IllegalStateException("bug")));
        verify(kafka, times(1)).send(anyString(), anyString(), anyString());
    }

    @Test
    void theDetailOfAnAnswerIsBounded() throws Exception {
        when(ledger.sendAndWait(any(), anyString(), anyString(), anyString()))
                .thenThrow(new LedgerException.Invalid("no open item with id '" + "x".repeat(100_000) + "'"));
        listener.on(record("c-13", message("c-13", "BookWriteOff", WRITE_OFF, "")), ack);
        assertThat(answered("c-13").get("error").asText()).hasSize(BoundedText.MAX_DETAIL).endsWith("…");
    }

    /** The one answer sent; the record is not acknowledged by the listener: the error handler commits it once parked. */
    JsonNode answeredAndParked(String key) throws Exception {
        ArgumentCaptor<String> value = ArgumentCaptor.forClass(String.class);
        verify(kafka).send(eq(Topics.LEDGER_COMMAND_RESULTS), eq(key), value.capture());
        verifyNoInteractions(ack);
        return JSON.readTree(value.getValue());
    }

    @Test
    void aUserOnWhoseBehalfTheServiceSendsIsTheUserOfTheRecord() throws Exception {
        when(ledger.sendAndWait(WRITE_OFF_COMMAND, "jens@clinic", "settlement", "c-9")).thenReturn(CommandOutcome.POSTED);
        listener.on(record("c-9", message("c-9", "BookWriteOff", WRITE_OFF, ""), "settlement", "jens@clinic", SECRET), ack);
        assertThat(answered("c-9").get("status").asText()).isEqualTo("ACCEPTED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unsigned               | 401 | the command is not signed by a known sender",
            "signed with a wrong secret | 401 | the command is not signed by a known sender",
            "an unknown sender      | 401 | the command is not signed by a known sender",
            "another user than signed | 401 | the command is not signed by a known sender",
            "a type it may not send | 403 | sender 'payroll' may not send BookWriteOff; it may send [PostJournalEntry, ReverseEntry]",
            "another's entry        | 403 | sender 'payroll' may reverse only entries it posted; WO-1 was not posted by it",
            "an entry posted by REST | 403 | sender 'settlement' may reverse only entries it posted; REST-1 was not posted by it"})
    void aCommandFromASenderThatIsNotVerifiedOrMayNotSendItIsRefusedAndNothingRuns(String what, int status, String error) throws Exception {
        String value = message("c-10", "BookWriteOff", WRITE_OFF, "");
        ConsumerRecord<String, String> record = switch (what) {
            case "unsigned" -> record("c-10", value, null, null, null);
            case "signed with a wrong secret" -> record("c-10", value, "settlement", null, "guess");
            case "an unknown sender" -> record("c-10", value, "bank", null, SECRET);
            case "another user than signed" -> {
                ConsumerRecord<String, String> r = record("c-10", value, "settlement", "jens", SECRET);
                r.headers().remove(CommandSignature.ON_BEHALF_OF_HEADER);
                r.headers().add(CommandSignature.ON_BEHALF_OF_HEADER, "the boss".getBytes(StandardCharsets.UTF_8));
                yield r;
            }
            case "a type it may not send" -> record("c-10", value, "payroll", null, "payroll-secret");
            case "another's entry" -> record("c-10", message("c-10", "ReverseEntry",
                    "{'entryId':'WO-1','reversalId':'WO-1-rev','postingDate':'2026-04-21'}", ""), "payroll", null, "payroll-secret");
            default -> record("c-10", message("c-10", "ReverseEntry",
                    "{'entryId':'REST-1','reversalId':'REST-1-rev','postingDate':'2026-04-21'}", ""), "settlement", null, SECRET);
        };
        listener.on(record, ack);
        verifyNoInteractions(ledger);
        JsonNode answer = answered("c-10");
        assertThat(answer.get("status").asText()).isEqualTo("REJECTED");
        assertThat(answer.get("errorStatus").asInt()).isEqualTo(status);
        assertThat(answer.get("error").asText()).startsWith(error);
    }
}
