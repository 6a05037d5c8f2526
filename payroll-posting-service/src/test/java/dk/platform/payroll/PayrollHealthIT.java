package dk.platform.payroll;

import dk.platform.test.IntegrationTest;
import dk.platform.test.ServiceWithoutDatabaseContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PayrollHealthIT extends ServiceWithoutDatabaseContract {

    @Override
    protected String apiTitle() {
        return "Payroll posting service";
    }

    @Test
    void theServiceNamesItselfInLogsAndHealth() {
        assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("payroll-posting-service");
    }
}
