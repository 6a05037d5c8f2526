package dk.platform.ledger.definition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps account_month_total small: every entry appends its rows ({@link DefinitionLookups}), and
 * this folds the rows of each account and month into one, in one statement (so readers, summing,
 * see the rows before or after, never half). A row appended meanwhile is not in the statement's
 * snapshot: it is neither deleted nor summed, and is folded next time. Any instance may run it.
 */
@Component
class MonthTotalsRollup {

    private static final Logger log = LoggerFactory.getLogger(MonthTotalsRollup.class);

    private final JdbcTemplate jdbc;

    MonthTotalsRollup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${ledger.month-totals-rollup-every:PT1M}", initialDelayString = "${ledger.month-totals-rollup-every:PT1M}")
    int rollUp() {
        int rows = jdbc.update("""
                WITH grouped AS (SELECT number, month FROM account_month_total GROUP BY number, month HAVING count(*) > 1),
                     moved AS (DELETE FROM account_month_total t USING grouped g WHERE t.number = g.number AND t.month = g.month
                               RETURNING t.number, t.month, t.debit, t.credit)
                INSERT INTO account_month_total (number, month, debit, credit)
                SELECT number, month, sum(debit), sum(credit) FROM moved GROUP BY number, month""");
        if (rows > 0) {
            log.debug("account_month_total: {} account-months folded into one row each", rows);
        }
        return rows;
    }
}
