package dk.platform.ledger;

import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent commands on one open item can never over-apply it: the losers are refused, the balance is right. */
@IntegrationTest
class ConcurrentPaymentsIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void manyPaymentsRacingForOneItemNeverOverApplyIt() throws Exception {
        Api api = new Api(http);
        TestChart.open(api);
        String s = UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/open-items", json("{'openItemId':'RACE-" + s + "','kind':'RECEIVABLE','party':'R-" + s + "',"
                + "'documentNo':'D','postingDate':'2026-03-01','dueDate':'2026-03-31','text':'t','amount':'1000.00',"
                + "'controlAccount':'1100','offsetAccount':'1010'}")).status()).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            futures.add(pool.submit(() -> statuses.put(n, api.post("/api/payments", json("{'paymentId':'RACE-" + s + "-" + n
                    + "','party':'R-" + s + "','postingDate':'2026-03-10','text':'x','cashAccount':'5820','amount':'75.00',"
                    + "'applications':[{'openItemId':'RACE-" + s + "','amount':'75.00'}]}")).status())));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // 1000.00 / 75.00: exactly 13 payments fit; every other one is refused by the rule, none fails otherwise.
        assertThat(statuses.values().stream().filter(st -> st == 201).count()).isEqualTo(13);
        assertThat(statuses.values().stream().filter(st -> st == 422).count()).isEqualTo(27);
        var item = api.await("/api/open-items/RACE-" + s, i -> i.get("history").size() == 14);
        assertThat(item.get("remaining").asText()).isEqualTo("25.00");
    }
}
