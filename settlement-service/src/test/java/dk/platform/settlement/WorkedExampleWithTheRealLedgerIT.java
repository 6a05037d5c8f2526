package dk.platform.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.ledger.api.Topics;
import dk.platform.settlement.openitem.OpenItemRecords;
import dk.platform.test.KafkaProbe;
import dk.platform.test.LedgerProcess;
import dk.platform.test.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5's "done when", end to end: SPEC §3's worked example posted to settlement-service is
 * carried out by the REAL ledger-app (its packaged jar, a child process) through Kafka alone:
 * ledger.commands, ledger.command-results, ledger.events. The item closes in the ledger's
 * open-item view with SPEC §3's balances; the 0.05-off variant is REJECTED and posts nothing; a
 * write-off the ledger refuses is compensated by reversals.
 */
@IntegrationTest
class WorkedExampleWithTheRealLedgerIT {

    static LedgerProcess ledger;
    static KafkaProbe kafka;

    @Autowired
    TestRestTemplate settlement;
    @Autowired
    OpenItemRecords openItems;

    @BeforeAll
    static void startTheLedger(@Value("${spring.embedded.kafka.brokers}") String brokers) throws Exception {
        ledger = LedgerProcess.start(brokers);
        kafka = new KafkaProbe(brokers, Topics.LEDGER_COMMANDS, Topics.SETTLEMENT_EVENTS);
        for (String[] account : List.of(new String[]{"1100", "Debitorer", "ASSET"}, new String[]{"1010", "Omsætning sygesikring", "REVENUE"},
                new String[]{"5820", "Bank", "ASSET"}, new String[]{"7250", "Fondsbidrag", "EXPENSE"},
                new String[]{"1190", "Ej afregnet sygesikring", "ASSET"}, new String[]{"3090", "Difference sygesikring", "REVENUE"})) {
            ledger.setUp("/api/accounts", "{\"number\":\"%s\",\"name\":\"%s\",\"type\":\"%s\"}".formatted((Object[]) account));
        }
    }

    @AfterAll
    static void stopTheLedger() {
        if (kafka != null) {
            kafka.close();
        }
        if (ledger != null) {
            ledger.close(); // before other test classes share this broker
        }
    }

    @Test
    void theWorkedExampleClosesTheItemWithSpecBalancesAndTheOffBy5OereVariantPostsNothing() {
        BigDecimal controlBefore = balance("1100");
        registerInvoice("SS-2026-03");

        ResponseEntity<JsonNode> rejected = post(statement("RH-2026-04-B", "SS-2026-03", "46852.70", "7250"));
        assertThat(rejected.getStatusCode().value()).isEqualTo(200);
        assertThat(rejected.getBody().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.getBody().get("gap").asText()).isEqualTo("0.05");
        assertThat(rejected.getBody().get("reason").asText()).contains("differs by 0.05");

        ResponseEntity<JsonNode> planned = post(statement("RH-2026-04", "SS-2026-03", "46852.75", "7250"));
        assertThat(planned.getStatusCode().value()).as(String.valueOf(planned.getBody())).isEqualTo(202);
        JsonNode settled = awaitFinal("RH-2026-04");
        assertThat(settled.get("status").asText()).as(settled.toString()).isEqualTo("SETTLED");
        assertThat(settled.get("commands")).extracting(c -> c.get("commandId").asText() + " " + c.get("status").asText()
                + " " + c.path("outcome").asText()).containsExactly("RH-2026-04-fee-1 ACCEPTED POSTED",
                "RH-2026-04-fee-2 ACCEPTED POSTED", "RH-2026-04-rej-R-1007 ACCEPTED POSTED", "RH-2026-04-diff ACCEPTED POSTED",
                "RH-2026-04-bank ACCEPTED POSTED");
        // the ledger took the signed commands: its events name the service and the user who submitted (the test API key)
        JsonNode recorded = ledger.get("/api/audit/events?correlationId=RH-2026-04");
        assertThat(recorded.findValuesAsText("service")).as(recorded.toString()).isNotEmpty().containsOnly("settlement");
        assertThat(recorded.findValuesAsText("user")).as(recorded.toString()).isNotEmpty().containsOnly("tests");

        JsonNode item = ledger.get("/api/open-items/SS-2026-03");
        assertThat(item.get("status").asText()).isEqualTo("CLOSED");
        assertThat(item.get("remaining").asText()).isEqualTo("0.00");
        assertThat(item.get("lines").findValuesAsText("remaining")).containsOnly("0.00");
        assertThat(balance("5820")).isEqualByComparingTo("46852.75");
        assertThat(balance("7250")).isEqualByComparingTo("549.75");
        assertThat(balance("1190")).isEqualByComparingTo("850.00");
        assertThat(balance("3090")).isEqualByComparingTo("-2.50");
        assertThat(balance("1100")).as("the control account is back where it was before the invoice").isEqualByComparingTo(controlBefore);

        // the REJECTED variant posted nothing: no command of it ever reached the ledger
        assertThat(kafka.during(Duration.ofSeconds(1), r -> r.topic().equals(Topics.LEDGER_COMMANDS)
                && r.key().startsWith("RH-2026-04-B"))).isEmpty();
        assertThat(item.get("history").findValuesAsText("id")).noneMatch(id -> id.startsWith("RH-2026-04-B"));
        List<ConsumerRecord<String, String>> events = kafka.await(r -> r.topic().equals(Topics.SETTLEMENT_EVENTS)
                && r.key().startsWith("RH-2026-04"), 3);
        assertThat(events).extracting(r -> r.key() + " " + type(r)).containsExactlyInAnyOrder("RH-2026-04-B StatementRejected",
                "RH-2026-04 ClaimRejected", "RH-2026-04 StatementSettled");
    }

    @Test
    void aWriteOffTheLedgerRefusesIsCompensatedByReversalsAndTheItemIsAsBefore() {
        registerInvoice("SS-2026-04");

        // 7299 is not in the chart of accounts: the ledger refuses that fee
        ResponseEntity<JsonNode> planned = post(statement("RH-2026-05", "SS-2026-04", "46852.75", "7299"));
        assertThat(planned.getStatusCode().value()).isEqualTo(202);
        JsonNode failed = awaitFinal("RH-2026-05");

        assertThat(failed.get("status").asText()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asText()).contains("BookWriteOff RH-2026-05-fee-1 was rejected by the ledger (422)", "7299");
        JsonNode item = ledger.get("/api/open-items/SS-2026-04");
        assertThat(item.get("status").asText()).isEqualTo("OPEN");
        assertThat(item.get("remaining").asText()).isEqualTo("48250.00");
        assertThat(item.get("lines").findValuesAsText("remaining")).containsExactly("30000.00", "18250.00");
        assertThat(failed.get("commands")).filteredOn(c -> c.get("type").asText().equals("ReverseEntry"))
                .extracting(c -> c.get("commandId").asText() + " " + c.get("status").asText())
                .containsExactlyInAnyOrder("RH-2026-05-fee-2-rev ACCEPTED", "RH-2026-05-rej-R-1007-rev ACCEPTED",
                        "RH-2026-05-diff-rev ACCEPTED");
        assertThat(failed.get("commands")).filteredOn(c -> c.get("commandId").asText().equals("RH-2026-05-bank"))
                .extracting(c -> c.get("status").asText()).containsExactly("PLANNED");
    }

    // ------------------------------------------------------------------ helpers

    private void registerInvoice(String openItemId) {
        ledger.setUp("/api/open-items", """
                {"openItemId":"%s","kind":"RECEIVABLE","party":"REGION-H","documentNo":"%s","postingDate":"2026-03-31",\
                "dueDate":"2026-04-30","text":"Sygesikring marts","amount":"48250.00","controlAccount":"1100","offsetAccount":"1010",\
                "lines":[{"lineId":"practitioner-A","label":"A","amount":"30000.00"},\
                {"lineId":"practitioner-B","label":"B","amount":"18250.00"}]}""".formatted(openItemId, openItemId));
        // the settlement service learns the item from ledger.events
        await().atMost(Duration.ofSeconds(60)).until(() -> openItems.find(openItemId).isPresent());
    }

    static String statement(String statementId, String item, String bankAmount, String firstFeeAccount) {
        return """
                {"statementId":"%s","party":"REGION-H","openItemId":"%s","settlementDate":"2026-04-20",\
                "cashAccount":"5820","bankAmount":"%s",\
                "fees":[{"text":"Fondsbidrag","amount":"412.50","account":"%s"},{"text":"Administrationsgebyr","amount":"137.25"}],\
                "rejected":[{"lineId":"practitioner-B","reference":"R-1007","amount":"850.00"}],\
                "difference":{"amount":"-2.50"}}""".formatted(statementId, item, bankAmount, firstFeeAccount);
    }

    private ResponseEntity<JsonNode> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return settlement.postForEntity("/api/settlements", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private JsonNode awaitFinal(String statementId) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> List.of("SETTLED", "FAILED")
                .contains(settlement.getForObject("/api/settlements/" + statementId, JsonNode.class).get("status").asText()));
        return settlement.getForObject("/api/settlements/" + statementId, JsonNode.class);
    }

    private BigDecimal balance(String account) {
        return new BigDecimal(ledger.get("/api/accounts/" + account).get("balance").asText());
    }

    private static String type(ConsumerRecord<String, String> record) {
        int at = record.value().indexOf("\"type\":\"") + 8;
        return record.value().substring(at, record.value().indexOf('"', at));
    }
}
