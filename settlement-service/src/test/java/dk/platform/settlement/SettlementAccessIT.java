package dk.platform.settlement;

import dk.platform.test.AccessMatrixContract;
import dk.platform.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Map;
import java.util.Set;

/** The settlement service's role table (issue 10; the README has it too). */
@IntegrationTest
class SettlementAccessIT extends AccessMatrixContract {

    static final Map<String, Set<String>> EXPECTED = Map.of(
            "POST /api/settlements", Set.of("settlement"),
            "GET /api/settlements/{statementId}", Set.of("settlement", "auditor"),
            "GET /api/open-items/{openItemId}", Set.of("settlement", "auditor"));

    @Autowired
    MongoTemplate mongo;

    @Override
    protected Map<String, Set<String>> expectedRoles() {
        return EXPECTED;
    }

    /** The statements recorded. */
    @Override
    protected Object recorded() {
        return mongo.getCollection("statements").countDocuments();
    }
}
