package dk.platform.payroll.run;

import dk.platform.test.LedgerProcess;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the payroll tests say over HTTP: JSON and CSV bodies as user "test", set-up PUTs, ledger balances. */
final class PayrollHttp {

    private PayrollHttp() {
    }

    static HttpEntity<String> json(String body) {
        return body(body, MediaType.APPLICATION_JSON);
    }

    static HttpEntity<String> csv(String body) {
        return body(body, MediaType.parseMediaType("text/csv"));
    }

    private static HttpEntity<String> body(String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return new HttpEntity<>(body, headers);
    }

    /** A set-up PUT that must succeed. */
    static void put(TestRestTemplate payroll, String path, String body) {
        ResponseEntity<String> response = payroll.exchange(path, HttpMethod.PUT, json(body), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " " + response.getBody()).isTrue();
    }

    /** The ledger's konto view follows its event store within moments. */
    static void assertBalance(LedgerProcess ledger, String account, String expected) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(
                new BigDecimal(ledger.get("/api/accounts/" + account).get("balance").asText()))
                .as("balance of " + account).isEqualByComparingTo(expected));
    }
}
