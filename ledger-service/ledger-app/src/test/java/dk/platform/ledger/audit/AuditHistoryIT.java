package dk.platform.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The history endpoint: every filter alone and combined, global order, JSON Lines, and clear 400s. */
@IntegrationTest
class AuditHistoryIT {

    @Autowired
    TestRestTemplate http;
    Api api;
    String s;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        s = UUID.randomUUID().toString().substring(0, 8);
        TestChart.open(api);
    }

    String invoice(String id) {
        return json("{'openItemId':'" + id + "','kind':'RECEIVABLE','party':'P-" + s + "','documentNo':'D1','postingDate':'2026-03-01',"
                + "'dueDate':'2026-03-31','text':'Faktura','amount':'100.00','controlAccount':'1100','offsetAccount':'1010'}");
    }

    @Test
    void filtersCombineAndEventsComeInGlobalOrder() {
        assertThat(api.post("/api/open-items", invoice("INV-" + s)).status()).isEqualTo(201);
        assertThat(api.post("/api/payments", json("{'paymentId':'PAY-" + s + "','party':'P-" + s + "','postingDate':'2026-03-10',"
                + "'text':'x','cashAccount':'5820','amount':'100.00','applications':[{'openItemId':'INV-" + s + "'}]}")).status())
                .isEqualTo(201);

        JsonNode item = api.get("/api/audit/events?aggregateId=INV-" + s).body();
        assertThat(item.size()).isGreaterThanOrEqualTo(2);
        JsonNode registered = item.get(0);
        assertThat(registered.get("type").asText()).isEqualTo("OpenItemRegistered");
        long position = registered.get("position").asLong();
        assertThat(positions(item)).isSorted();

        // A position range
        JsonNode one = api.get("/api/audit/events?fromPosition=" + position + "&toPosition=" + position).body();
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("eventId").asText()).isEqualTo(registered.get("eventId").asText());
        JsonNode after = api.get("/api/audit/events?fromPosition=" + position).body();
        assertThat(positions(after)).isSorted().allMatch(p -> p >= position);
        assertThat(after.size()).isGreaterThanOrEqualTo(item.size());

        // The payment's business operation, followed by its correlation id across aggregates
        JsonNode payment = api.get("/api/audit/events?aggregateId=PAY-" + s).body();
        String correlation = payment.get(0).get("metadata").get("correlationId").asText();
        JsonNode operation = api.get("/api/audit/events?correlationId=" + correlation).body();
        assertThat(operation.size()).isGreaterThanOrEqualTo(2);
        assertThat(operation).allMatch(e -> e.get("metadata").get("correlationId").asText().equals(correlation));
        assertThat(aggregates(operation)).contains("PAY-" + s, "INV-" + s);
        assertThat(positions(operation)).isSorted();

        // Type, alone and with other filters
        JsonNode types = api.get("/api/audit/events?type=OpenItemRegistered&fromPosition=" + position).body();
        assertThat(types).isNotEmpty().allMatch(e -> e.get("type").asText().equals("OpenItemRegistered"));
        assertThat(aggregates(types)).contains("INV-" + s);
        JsonNode none = api.get("/api/audit/events?aggregateId=INV-" + s + "&type=PaymentApplied").body();
        assertThat(none).isEmpty();
        JsonNode combined = api.get("/api/audit/events?correlationId=" + correlation + "&aggregateId=INV-" + s).body();
        assertThat(combined).isNotEmpty().allMatch(e -> e.get("aggregateId").asText().equals("INV-" + s));

        // Recorded time: from inclusive, to exclusive
        Instant recorded = Instant.parse(registered.get("recordedAt").asText());
        assertThat(api.get("/api/audit/events?aggregateId=INV-" + s + "&from=" + recorded + "&to=" + recorded.plusMillis(1)).body())
                .anyMatch(e -> e.get("eventId").asText().equals(registered.get("eventId").asText()));
        assertThat(api.get("/api/audit/events?aggregateId=INV-" + s + "&to=" + recorded).body()).isEmpty();
        assertThat(api.get("/api/audit/events?aggregateId=INV-" + s + "&from=" + recorded.plusSeconds(3600)).body()).isEmpty();
    }

    @Test
    void jsonLinesGiveOneEventPerLine() throws Exception {
        assertThat(api.post("/api/open-items", invoice("INV-" + s)).status()).isEqualTo(201);
        long position = api.get("/api/audit/events?aggregateId=INV-" + s).body().get(0).get("position").asLong();
        JsonNode array = api.get("/api/audit/events?fromPosition=" + (position > 5 ? position - 5 : 0)).body();

        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "application/x-ndjson");
        ResponseEntity<String> r = http.exchange("/api/audit/events?fromPosition=" + (position > 5 ? position - 5 : 0) + "&toPosition="
                + array.get(array.size() - 1).get("position").asLong(), HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/x-ndjson");
        String[] lines = r.getBody().split("\n");
        assertThat(lines).hasSize(array.size());
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < lines.length; i++) {
            assertThat(mapper.readTree(lines[i])).isEqualTo(array.get(i));
        }
    }

    @Test
    void badParametersAreClear400s() {
        bad("/api/audit/events?fromPosition=abc", "fromPosition 'abc' is not a global position");
        bad("/api/audit/events?toPosition=-1", "toPosition must be 0 or more");
        bad("/api/audit/events?fromPosition=9&toPosition=3", "fromPosition 9 is after toPosition 3");
        bad("/api/audit/events?from=yesterday", "from 'yesterday' is not an ISO instant");
        bad("/api/audit/events?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "is not before to");
        bad("/api/audit/events?type=dk.platform.X", "type 'dk.platform.X' is not an event name");
        assertThat(api.get("/api/audit/events?aggregateId=NOPE-" + s + "&type=OpenItemRegistered").status()).isEqualTo(404);
    }

    void bad(String path, String detail) {
        Api.Response r = api.get(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.detail()).contains(detail);
    }

    static List<Long> positions(JsonNode events) {
        List<Long> positions = new ArrayList<>();
        events.forEach(e -> positions.add(e.get("position").asLong()));
        return positions;
    }

    static List<String> aggregates(JsonNode events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.get("aggregateId").asText()));
        return ids;
    }
}
