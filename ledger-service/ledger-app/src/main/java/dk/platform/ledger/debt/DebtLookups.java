package dk.platform.ledger.debt;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.event.SkyldigtBeløbOffset;
import dk.platform.ledger.api.event.SkyldigtBeløbPaid;
import dk.platform.ledger.api.event.SkyldigtBeløbRegistered;
import dk.platform.ledger.api.event.SkyldigtBeløbWrittenOff;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;

/** Outstanding per debt in PostgreSQL, written with the events: the SPEC §5 invariant is checked against the write side. */
@Component
@ProcessingGroup("lookups")
public class DebtLookups {

    /**
     * The sum of outstanding debts set against the balance of the debt account, read in one transaction, and what each
     * employer's debts have outstanding (the account is shared; the employers' sums add up to {@code outstanding}).
     */
    public record Summary(Money outstanding, Money accountBalance, boolean agrees, String debtAccount, long debts,
                          List<Employer> employers) {
    }

    /** One employer's outstanding debts: how many and their sum. */
    public record Employer(String employerId, Money outstanding, long debts) {
    }

    private final JdbcTemplate jdbc;
    private final DebtAccounts accounts;

    DebtLookups(JdbcTemplate jdbc, DebtAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Summary summary() {
        BigDecimal outstanding = jdbc.queryForObject("SELECT coalesce(sum(outstanding), 0) FROM debt_lookup", BigDecimal.class);
        long debts = jdbc.queryForObject("SELECT count(*) FROM debt_lookup WHERE outstanding <> 0", Long.class);
        BigDecimal balance = jdbc.queryForObject("SELECT coalesce(sum(debit) - sum(credit), 0) FROM account_month_total WHERE number = ?",
                BigDecimal.class, accounts.debtAccount());
        List<Employer> employers = jdbc.query("SELECT employer_id, sum(outstanding), count(*) FROM debt_lookup WHERE outstanding <> 0"
                        + " GROUP BY employer_id ORDER BY employer_id",
                (rs, n) -> new Employer(rs.getString(1), new Money(rs.getBigDecimal(2)), rs.getLong(3)));
        Money o = new Money(outstanding);
        Money b = new Money(balance);
        return new Summary(o, b, o.equals(b), accounts.debtAccount(), debts, employers);
    }

    @EventHandler
    void on(SkyldigtBeløbRegistered e) {
        jdbc.update("INSERT INTO debt_lookup (debt_id, employer_id, employee_no, kind, outstanding) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (debt_id) DO NOTHING", e.debtId(), e.employerId(), e.employeeNo(), e.kind().name(), e.amount().value());
    }

    @EventHandler
    void on(SkyldigtBeløbOffset e) {
        outstanding(e.debtId(), e.outstanding());
    }

    @EventHandler
    void on(SkyldigtBeløbPaid e) {
        outstanding(e.debtId(), e.outstanding());
    }

    @EventHandler
    void on(SkyldigtBeløbWrittenOff e) {
        outstanding(e.debtId(), e.outstanding());
    }

    private void outstanding(String debtId, Money outstanding) {
        jdbc.update("UPDATE debt_lookup SET outstanding = ? WHERE debt_id = ?", outstanding.value(), debtId);
    }
}
