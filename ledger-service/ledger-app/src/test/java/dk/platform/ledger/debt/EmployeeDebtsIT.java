package dk.platform.ledger.debt;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.Projections;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.List;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §5's worked example on the ledger side, through REST, with the 61.50 view and summary checked after every step. */
@IntegrationTest
class EmployeeDebtsIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @Test
    void theWorkedExampleEndsWith6150AtZeroAnd2291At15000() {
        Api api = new Api(http);
        TestChart.open(api);
        Money debtsBefore = balance(api, "61.50");
        Money writtenOffBefore = balance(api, "22.91");

        step(api, "/api/skyldige-beloeb", "{'debtId':'D-1001-2026-03','employeeNo':'1001','kind':'AUTO','amount':'3200.00',"
                + "'postingDate':'2026-03-31','payrollRunId':'2026-03','counterAccount':'0000000170'}");
        JsonNode debt = view(api, "D-1001-2026-03", "3200.00");
        assertThat(debt.get("warnings").get(0).get("code").asText()).isEqualTo("RB7050");

        step(api, "/api/skyldige-beloeb/D-1001-2026-03/offsets", "{'offsetId':'D-1001-off-2026-04','amount':'2000.00',"
                + "'postingDate':'2026-04-30','payrollRunId':'2026-04'}");
        debt = view(api, "D-1001-2026-03", "1200.00");
        assertThat(debt.get("warnings").get(0).get("code").asText()).as("RB7050 again while outstanding").isEqualTo("RB7050");

        Api.Response tooMuch = api.post("/api/skyldige-beloeb/D-1001-2026-03/payments", json("{'paymentId':'D-1001-pay-x','amount':'1200.01',"
                + "'postingDate':'2026-05-10','cashAccount':'5820'}"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.detail()).contains("only 1200.00 is outstanding");

        step(api, "/api/skyldige-beloeb/D-1001-2026-03/payments", "{'paymentId':'D-1001-pay-1','amount':'1200.00',"
                + "'postingDate':'2026-05-10','cashAccount':'5820'}");
        debt = view(api, "D-1001-2026-03", "0.00");
        assertThat(debt.get("warnings")).as("no more RB7050").isEmpty();

        step(api, "/api/skyldige-beloeb", "{'debtId':'D-2002-2026-03','employeeNo':'2002','kind':'MANUAL','amount':'25000.00',"
                + "'postingDate':'2026-03-31','payrollRunId':'2026-03','counterAccount':'0000000170'}");
        debt = view(api, "D-2002-2026-03", "25000.00");
        assertThat(debt.get("warnings").get(0).get("code").asText()).isEqualTo("RB7061");
        assertThat(debt.get("warnings").get(0).get("payrollRunId").asText()).isEqualTo("2026-03");
        step(api, "/api/skyldige-beloeb/D-2002-2026-03/payments", "{'paymentId':'D-2002-pay-1','amount':'10000.00',"
                + "'postingDate':'2026-04-15','cashAccount':'5820'}");
        view(api, "D-2002-2026-03", "15000.00");
        step(api, "/api/skyldige-beloeb/D-2002-2026-03/write-offs", "{'writeOffId':'D-2002-wo','amount':'15000.00','postingDate':'2026-06-30'}");
        debt = view(api, "D-2002-2026-03", "0.00");
        assertThat(debt.get("arisen").asText()).isEqualTo("25000.00");
        assertThat(debt.get("paid").asText()).isEqualTo("10000.00");
        assertThat(debt.get("writtenOff").asText()).isEqualTo("15000.00");
        assertThat(debt.get("history")).hasSize(3);

        assertThat(balance(api, "61.50").minus(debtsBefore)).isEqualTo(Money.ZERO);
        assertThat(balance(api, "22.91").minus(writtenOffBefore)).isEqualTo(Money.of("15000.00"));
        assertThat(api.get("/api/skyldige-beloeb?employeeNo=2002").body()).hasSize(1);
        assertThat(api.get("/api/skyldige-beloeb/NOPE").status()).isEqualTo(404);
        assertThat(api.post("/api/skyldige-beloeb/NOPE/offsets", json("{'offsetId':'X-off','amount':'1.00','postingDate':'2026-04-30'}"))
                .status()).isEqualTo(404);
    }

    void step(Api api, String path, String body) {
        Api.Response r = api.post(path, json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode summary = api.get("/api/skyldige-beloeb/summary").body();
        assertThat(summary.get("agrees").asBoolean()).as("summary after %s: %s", path, summary).isTrue();
    }

    JsonNode view(Api api, String debtId, String outstanding) {
        return api.await("/api/skyldige-beloeb/" + debtId, d -> d.get("outstanding").asText().equals(outstanding));
    }

    Money balance(Api api, String account) {
        Projections.awaitCaughtUp(processing, eventStore, List.of("konto"));
        Api.Response r = api.get("/api/accounts/" + account);
        return r.status() == 404 ? Money.ZERO : Money.of(r.body().get("balance").asText());
    }
}
