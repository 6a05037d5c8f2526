package dk.platform.ledger.definition;

import dk.platform.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** account_month_total's appended rows folded into one per account and month, every sum unchanged. */
@IntegrationTest
class MonthTotalsRollupIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MonthTotalsRollup rollup;

    @Test
    void theRowsOfEachAccountMonthAreFoldedIntoOneWithTheSameSums() {
        jdbc.update("DELETE FROM account_month_total WHERE number LIKE 'ROLL-%'");
        for (int i = 1; i <= 5; i++) {
            jdbc.update("INSERT INTO account_month_total (number, month, debit, credit) VALUES ('ROLL-5820', '2026-03', ?, 0)", new BigDecimal(i + ".25"));
            jdbc.update("INSERT INTO account_month_total (number, month, debit, credit) VALUES ('ROLL-1000', '2026-03', 0, ?)", new BigDecimal(i + ".25"));
        }
        jdbc.update("INSERT INTO account_month_total (number, month, debit, credit) VALUES ('ROLL-5820', '2026-04', 7.00, 2.00)");
        List<Map<String, Object>> before = sums();

        rollup.rollUp();

        assertThat(sums()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_month_total WHERE number LIKE 'ROLL-%'", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT debit FROM account_month_total WHERE number = 'ROLL-5820' AND month = '2026-03'", BigDecimal.class))
                .isEqualByComparingTo("16.25");
        jdbc.update("DELETE FROM account_month_total WHERE number LIKE 'ROLL-%'");
    }

    private List<Map<String, Object>> sums() {
        return jdbc.queryForList("SELECT number, month, sum(debit) AS debit, sum(credit) AS credit FROM account_month_total"
                + " WHERE number LIKE 'ROLL-%' GROUP BY number, month ORDER BY number, month");
    }
}
