package dk.platform.settlement;

import dk.platform.test.IntegrationTest;
import dk.platform.test.ServiceWithoutDatabaseContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SettlementHealthIT extends ServiceWithoutDatabaseContract {

    @Override
    protected String apiTitle() {
        return "Settlement service";
    }

    @Test
    void anUnknownStatementIsAProblemJson404() {
        var response = http.getForEntity("/api/settlements/NO-SUCH-STATEMENT", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    }
}
