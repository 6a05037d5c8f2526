package dk.platform.payroll.run;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.ledger.api.CommandSignature;
import dk.platform.ledger.api.Topics;
import dk.platform.test.IntegrationTest;
import dk.platform.test.KafkaProbe;
import dk.platform.test.TestIdentities;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dk.platform.payroll.run.PayrollHttp.json;
import static dk.platform.payroll.run.PayrollHttp.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a restart finds and finishes: a run stored as CALCULATING with no voucher (the process died
 * while calculating) is calculated at start-up; a ledger command recorded as PENDING (the process
 * died before or while sending it) is sent again. The start-up hooks are called here as the
 * application calls them when it is ready; the runs are planted as a crash leaves them.
 */
@IntegrationTest
class RunRecoveryIT {

    static KafkaProbe kafka;

    @Autowired
    TestRestTemplate payroll;
    @Autowired
    RunStore runs;
    @Autowired
    RunProcessor processor;
    @Autowired
    Approvals approvals;

    @BeforeAll
    static void listen(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        kafka = new KafkaProbe(brokers, Topics.LEDGER_COMMANDS);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aRunLeftCalculatingByACrashIsCalculatedAtStartUpAndAPendingCommandIsSentAgain() {
        PayrollRun calculated = calculatedRun();

        // the process died while calculating R-REC-CRASH: stored, CALCULATING, no voucher
        PayrollRun crashed = new PayrollRun("R-REC-CRASH", calculated.employerId(), calculated.periods(),
                calculated.dispositionDate(), calculated.referenceDate(), calculated.inputFile(), calculated.inputHash(),
                calculated.lineCount(), Instant.now(), "test", PayrollRun.Status.CALCULATING, null, null, List.of(), List.of());
        assertThat(runs.insert(crashed)).isTrue();
        processor.resume();
        PayrollRun resumed = await().atMost(Duration.ofSeconds(30)).until(() -> runs.find("R-REC-CRASH").orElseThrow(),
                r -> r.status() == PayrollRun.Status.CALCULATED);
        assertThat(resumed.vouchers()).hasSize(1);
        assertThat(resumed.currentVoucher().centralLines()).isEqualTo(calculated.currentVoucher().centralLines());

        // the process died after recording the approval of R-REC-CRASH and before the ledger had it
        PayrollRun.LedgerAction pending = new PayrollRun.LedgerAction("payroll-R-REC-CRASH-v1", PayrollRun.LedgerAction.Type.POST,
                "payroll-R-REC-CRASH-v1", 1, resumed.dispositionDate(), PayrollRun.LedgerAction.Status.PENDING, null, null, null,
                Instant.now(), null, null, "approver-9", null);
        runs.update("R-REC-CRASH", r -> r.with(PayrollRun.Status.APPROVAL_PENDING, null).withLedger(l -> {
            l.add(pending);
            return l;
        }));
        approvals.resendPending();
        ConsumerRecord<String, String> record = kafka.await(r -> r.key().equals("payroll-R-REC-CRASH-v1"), 1).stream()
                .findFirst().orElseThrow(() -> new AssertionError("the pending command was not sent again"));
        JsonNode message = readTree(record.value());
        // sent again on behalf of the user who approved, as recorded with the run's ledger action
        assertThat(header(record, CommandSignature.ON_BEHALF_OF_HEADER)).isEqualTo("approver-9");
        assertThat(CommandSignature.verify(TestIdentities.PAYROLL_SECRET, "payroll", "approver-9", record.key(), record.value(),
                header(record, CommandSignature.SIGNATURE_HEADER))).isTrue();
        assertThat(message.get("type").asText()).isEqualTo("PostJournalEntry");
        assertThat(message.get("payload").get("entryId").asText()).isEqualTo("payroll-R-REC-CRASH-v1");
    }

    private PayrollRun calculatedRun() {
        put(payroll, "/api/wage-types/1100", "{\"text\":\"Månedsløn\"}");
        put(payroll, "/api/wage-types/9991", "{\"text\":\"Nettoløn\"}");
        ResponseEntity<JsonNode> copy = payroll.postForEntity("/api/charts/SD/copy",
                json("{\"code\":\"RC\",\"description\":\"Genstart\",\"validFrom\":\"2026-01-01\"}"), JsonNode.class);
        assertThat(copy.getStatusCode().value()).as(String.valueOf(copy.getBody())).isEqualTo(201);
        for (String line : List.of("{\"wageType\":\"1100\",\"seq\":1,\"side\":\"D\",\"account\":\"0000000400\"}",
                "{\"wageType\":\"9991\",\"seq\":1,\"side\":\"K\",\"account\":\"0000000500\"}")) {
            assertThat(payroll.postForEntity("/api/charts/RC/lines", json(line), JsonNode.class).getStatusCode().value())
                    .isEqualTo(201);
        }
        put(payroll, "/api/sorting-codes/RS", "{\"description\":\"Konto\",\"fields\":[\"account\"],\"pageBreak\":false}");
        put(payroll, "/api/employers/REC", "{\"name\":\"Genstart\",\"sortingCode\":\"RS\",\"chartPeriods\":[{\"from\":\"2026-01-01\","
                + "\"chartCode\":\"RC\"}]}");
        put(payroll, "/api/employers/REC/employees/1001", "{\"employment\":[{\"from\":\"2020-01-01\"}]}");
        ResponseEntity<JsonNode> received = payroll.postForEntity("/api/payroll-runs", json("""
                {"runId":"R-REC","employerId":"REC","periods":[{"from":"2026-10-01","to":"2026-10-31"}],
                 "dispositionDate":"2026-10-30","lines":[
                  {"employeeNo":"1001","wageType":"1100","amount":"700.00"},
                  {"employeeNo":"1001","wageType":"9991","amount":"700.00"}]}"""), JsonNode.class);
        assertThat(received.getStatusCode().value()).as(String.valueOf(received.getBody())).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(30)).until(() -> runs.find("R-REC").orElseThrow(),
                r -> r.status() == PayrollRun.Status.CALCULATED);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode readTree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
