package dk.platform.settlement;

import dk.platform.test.IntegrationTest;
import dk.platform.test.ServiceWithoutDatabaseContract;

@IntegrationTest
class SettlementHealthIT extends ServiceWithoutDatabaseContract {

    @Override
    protected String apiTitle() {
        return "Settlement service";
    }
}
