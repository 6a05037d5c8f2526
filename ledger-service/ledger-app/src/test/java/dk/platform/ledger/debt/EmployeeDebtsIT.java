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

        step(api, "/api/skyldige-beloeb", "{'debtId':'D-1001-2026-03','employerId':'29189978','employeeNo':'1001','kind':'AUTO','amount':'3200.00',"
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

        step(api, "/api/skyldige-beloeb", "{'debtId':'D-2002-2026-03','employerId':'29189978','employeeNo':'2002','kind':'MANUAL','amount':'25000.00',"
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
        assertThat(api.get("/api/skyldige-beloeb?employerId=29189978&employeeNo=2002").body()).hasSize(1);
        assertThat(api.get("/api/skyldige-beloeb/NOPE").status()).isEqualTo(404);
        assertThat(api.post("/api/skyldige-beloeb/NOPE/offsets", json("{'offsetId':'X-off','amount':'1.00','postingDate':'2026-04-30'}"))
                .status()).isEqualTo(404);
    }

    @Test
    void twoEmployersSharingAnEmployeeNumberHaveSeparateDebtsViewsAndWarnings() {
        Api api = new Api(http);
        TestChart.open(api);
        step(api, "/api/skyldige-beloeb", "{'debtId':'K5-1001-2026-03','employerId':'K5','employeeNo':'1001','kind':'AUTO',"
                + "'amount':'3200.00','postingDate':'2026-03-31','payrollRunId':'K5-2026-03','counterAccount':'0000000170'}");
        step(api, "/api/skyldige-beloeb", "{'debtId':'K101-1001-2026-03','employerId':'K101','employeeNo':'1001','kind':'MANUAL',"
                + "'amount':'500.00','postingDate':'2026-03-31','payrollRunId':'K101-2026-03','counterAccount':'0000000170'}");
        view(api, "K5-1001-2026-03", "3200.00");
        view(api, "K101-1001-2026-03", "500.00");

        JsonNode k5 = api.get("/api/skyldige-beloeb?employerId=K5&employeeNo=1001").body();
        assertThat(k5.findValuesAsText("debtId")).containsExactly("K5-1001-2026-03");
        assertThat(k5.get(0).get("employerId").asText()).isEqualTo("K5");
        assertThat(k5.get(0).get("warnings").get(0).get("message").asText()).isEqualTo("RB7050: employee 1001 of employer K5 owes"
                + " 3200.00 (skyldigt beløb, AUTO); it is offset automatically from later payouts (wage type 8561, modregning)");
        JsonNode k101 = api.get("/api/skyldige-beloeb?employerId=K101&employeeNo=1001").body();
        assertThat(k101.findValuesAsText("debtId")).containsExactly("K101-1001-2026-03");
        assertThat(k101.get(0).get("warnings").get(0).get("code").asText()).isEqualTo("RB7061");
        assertThat(k101.get(0).get("warnings").get(0).get("message").asText()).startsWith("RB7061: employee 1001 of employer K101"
                + " owes 500.00 (skyldigt beløb, MANUAL) from payroll run K101-2026-03; it is not offset automatically");
        assertThat(api.get("/api/skyldige-beloeb?employerId=K101").body().findValuesAsText("debtId")).containsExactly("K101-1001-2026-03");

        Api.Response ambiguous = api.get("/api/skyldige-beloeb?employeeNo=1001");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.detail()).contains("employeeNo needs employerId");
        Api.Response noEmployer = api.post("/api/skyldige-beloeb", json("{'debtId':'X-1001','employeeNo':'1001','kind':'AUTO',"
                + "'amount':'1.00','postingDate':'2026-03-31','counterAccount':'0000000170'}"));
        assertThat(noEmployer.status()).isEqualTo(400);
        assertThat(noEmployer.detail()).contains("employerId");

        step(api, "/api/skyldige-beloeb/K5-1001-2026-03/offsets", "{'offsetId':'K5-1001-off-2026-04','amount':'3200.00',"
                + "'postingDate':'2026-04-30','payrollRunId':'K5-2026-04'}");
        assertThat(view(api, "K5-1001-2026-03", "0.00").get("warnings")).as("K5's RB7050 is gone").isEmpty();
        assertThat(api.get("/api/skyldige-beloeb/K101-1001-2026-03").body().get("outstanding").asText())
                .as("K101's debt of the same employee number is untouched").isEqualTo("500.00");

        JsonNode summary = api.get("/api/skyldige-beloeb/summary").body();
        assertThat(summary.get("agrees").asBoolean()).isTrue();
        JsonNode employers = summary.get("employers");
        assertThat(employers.findValuesAsText("employerId")).contains("K101").doesNotContain("K5");
        Money perEmployer = Money.ZERO;
        for (JsonNode employer : employers) {
            perEmployer = perEmployer.plus(Money.of(employer.get("outstanding").asText()));
        }
        assertThat(perEmployer).as("the employers' sums add up to the total").isEqualTo(Money.of(summary.get("outstanding").asText()));
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
