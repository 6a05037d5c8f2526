package dk.platform.payroll;

import dk.platform.test.IntegrationTest;
import dk.platform.test.ServiceWithoutDatabaseContract;

@IntegrationTest
class PayrollHealthIT extends ServiceWithoutDatabaseContract {

    @Override
    protected String apiTitle() {
        return "Payroll posting service";
    }
}
