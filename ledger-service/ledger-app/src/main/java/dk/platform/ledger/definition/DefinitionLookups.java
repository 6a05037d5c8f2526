package dk.platform.ledger.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.command.DefinitionRow;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.FundRegistered;
import dk.platform.ledger.api.event.PostingDefinitionRegistered;
import dk.platform.ledger.api.event.PostingDefinitionRetired;
import dk.platform.ledger.api.event.PostsEntry;
import dk.platform.ledger.api.event.YearClosed;
import dk.platform.ledger.domain.LedgerException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The look-ups posting definitions and the year-end close need, kept in PostgreSQL by the
 * subscribing "lookups" processor in the same transaction as their events: the current version
 * of each definition, funds and their classes, debit and credit per account and month, and
 * which years are closed.
 */
@Component
@ProcessingGroup("lookups")
public class DefinitionLookups implements PostingDefinition.ActiveDefinitions {

    private static final TypeReference<List<DefinitionRow>> ROWS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DefinitionLookups(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Active definitions of a transaction type, class-specific ones first. */
    public List<PostingRules.Definition> definitions(String transactionType) {
        return jdbc.query("SELECT definition_id, version, transaction_type, fund_class, rows_json FROM posting_definition"
                        + " WHERE transaction_type = ? AND NOT retired ORDER BY fund_class NULLS LAST, definition_id",
                (rs, i) -> new PostingRules.Definition(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rows(rs.getString(5))),
                transactionType);
    }

    public List<PostingRules.Definition> allDefinitions() {
        return jdbc.query("SELECT definition_id, version, transaction_type, fund_class, rows_json FROM posting_definition"
                        + " WHERE NOT retired ORDER BY definition_id",
                (rs, i) -> new PostingRules.Definition(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rows(rs.getString(5))));
    }

    @Override
    public String holderOf(String transactionType, String fundClass, String definitionId) {
        List<String> rows = jdbc.queryForList("SELECT definition_id FROM posting_definition WHERE transaction_type = ?"
                        + " AND coalesce(fund_class, '') = ? AND NOT retired AND definition_id <> ? ORDER BY definition_id",
                String.class, transactionType, fundClass == null ? "" : fundClass, definitionId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public String fundClass(String fund) {
        List<String> rows = jdbc.queryForList("SELECT fund_class FROM fund_lookup WHERE fund = ?", String.class, fund);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Balances (debit - credit) of every account up to and including {@code lastMonth} (yyyy-MM), summed over their rows. */
    public Map<String, Money> balancesUpTo(String lastMonth) {
        Map<String, Money> balances = new LinkedHashMap<>();
        jdbc.query("SELECT number, sum(debit) - sum(credit) FROM account_month_total WHERE month <= ? GROUP BY number ORDER BY number",
                rs -> {
                    balances.put(rs.getString(1), new Money(rs.getBigDecimal(2)));
                }, lastMonth);
        return balances;
    }

    /**
     * What the reversals of closing entries add to the balances of a year-end close of
     * {@code fiscalYear}: the reversal of a close of year Y counts in Y, so a close of any year
     * from Y on whose months end before the reversal's date adds it (the balances up to that year
     * end hold the old close, not yet its reversal).
     */
    public Map<String, Money> reversedClosingsFor(int fiscalYear) {
        Map<String, Money> adjustments = new LinkedHashMap<>();
        jdbc.query("SELECT number, sum(debit) - sum(credit) FROM closing_reversal WHERE fiscal_year <= ? AND month > ?"
                        + " GROUP BY number ORDER BY number",
                rs -> {
                    adjustments.put(rs.getString(1), new Money(rs.getBigDecimal(2)));
                }, fiscalYear, fiscalYear + "-12");
        return adjustments;
    }

    /**
     * The entry that closed a fiscal year for a fund class, or null. {@code fundClass} null: the
     * funds without a class (a close from before issue 21 without a class, which closed all
     * funds, is recorded the same way; its balances are zero, which is what the rules look at).
     */
    public String closedBy(int fiscalYear, String fundClass) {
        List<String> rows = jdbc.queryForList("SELECT closing_id FROM year_end_closing WHERE fiscal_year = ? AND fund_class = ?",
                String.class, fiscalYear, fundClass == null ? "" : fundClass);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * The unique index posting_definition_one_active settles a race that PostingDefinition's own
     * check cannot see (two definitions for one type and class created at the same moment): the
     * second fails here, in its event's transaction, and nothing of it is stored.
     */
    @EventHandler
    void on(PostingDefinitionRegistered e) throws JsonProcessingException {
        String rows = json.writeValueAsString(e.rows());
        try {
            int changed = e.version() == 1
                    ? jdbc.update("INSERT INTO posting_definition (definition_id, transaction_type, fund_class, version, rows_json, retired)"
                    + " VALUES (?, ?, ?, ?, ?, false) ON CONFLICT DO NOTHING", e.definitionId(), e.transactionType(), e.fundClass(), e.version(), rows)
                    : jdbc.update("UPDATE posting_definition SET transaction_type = ?, fund_class = ?, version = ?, rows_json = ?, retired = false"
                    + " WHERE definition_id = ?", e.transactionType(), e.fundClass(), e.version(), rows, e.definitionId());
            if (changed == 1) {
                return;
            }
        } catch (DuplicateKeyException race) {
            // the transaction is spoilt: the holder can no longer be asked for
            throw new LedgerException.Conflict(raced(e));
        }
        String holder = holderOf(e.transactionType(), e.fundClass(), e.definitionId());
        throw new LedgerException.Conflict(holder == null ? raced(e) : PostingDefinition.alreadyHeld(holder, e.transactionType(), e.fundClass()));
    }

    private static String raced(PostingDefinitionRegistered e) {
        return "another active " + e.transactionType() + " definition for "
                + (e.fundClass() == null ? "every fund class (no fundClass)" : "fund class " + e.fundClass())
                + " was registered at the same moment; there is one per transaction type and fund class:"
                + " see GET /api/posting-definitions?transactionType=" + e.transactionType();
    }

    @EventHandler
    void on(PostingDefinitionRetired e) {
        jdbc.update("UPDATE posting_definition SET retired = true WHERE definition_id = ?", e.definitionId());
    }

    @EventHandler
    void on(FundRegistered e) {
        jdbc.update("INSERT INTO fund_lookup (fund, name, fund_class) VALUES (?, ?, ?) ON CONFLICT (fund)"
                + " DO UPDATE SET name = EXCLUDED.name, fund_class = EXCLUDED.fund_class", e.fund(), e.name(), e.fundClass());
    }

    @EventHandler
    void on(PostsEntry e) {
        addToMonthTotals(e);
    }

    /**
     * Appends the entry's debit and credit per account to account_month_total, in one batched insert:
     * rows are only ever added (readers sum them, {@link MonthTotalsRollup} folds them together), so
     * the bank, on every entry, is not a row every command must update and wait for (issue 17).
     */
    private void addToMonthTotals(PostsEntry e) {
        String month = e.postingDate().toString().substring(0, 7);
        Map<String, BigDecimal[]> perAccount = new LinkedHashMap<>();
        for (PostingLine line : e.lines()) {
            BigDecimal[] t = perAccount.computeIfAbsent(line.account(), a -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            t[line.isDebit() ? 0 : 1] = t[line.isDebit() ? 0 : 1].add(line.amount().value());
        }
        List<Object[]> rows = new ArrayList<>();
        perAccount.forEach((account, t) -> rows.add(new Object[]{account, month, t[0], t[1]}));
        jdbc.batchUpdate("INSERT INTO account_month_total (number, month, debit, credit) VALUES (?, ?, ?, ?)", rows);
    }

    @EventHandler
    void on(YearClosed e) {
        try {
            jdbc.update("INSERT INTO year_end_closing (fiscal_year, fund_class, closing_id) VALUES (?, ?, ?)",
                    e.fiscalYear(), e.fundClass() == null ? "" : e.fundClass(), e.closingId());
        } catch (DuplicateKeyException race) {
            throw new LedgerException.Conflict("fiscal year " + e.fiscalYear() + (e.fundClass() == null ? "" : " (" + e.fundClass() + ")")
                    + " was closed by another entry at the same moment; nothing was posted by " + e.closingId());
        }
    }

    /**
     * A reversal posts its lines like any entry. Reversing a closing entry also re-opens its year,
     * and its lines count in that year from now on (see {@link #reversedClosingsFor}), whatever
     * the reversal's own date.
     */
    @EventHandler
    void on(EntryReversed e) {
        // Axon calls one handler per event in a class, the most specific: this one, not on(PostsEntry)
        addToMonthTotals(e);
        List<Integer> years = jdbc.queryForList("SELECT DISTINCT fiscal_year FROM year_end_closing WHERE closing_id = ?",
                Integer.class, e.entryId());
        if (!years.isEmpty()) {
            String month = e.postingDate().toString().substring(0, 7);
            for (PostingLine line : e.lines()) {
                jdbc.update("INSERT INTO closing_reversal (closing_id, fiscal_year, month, number, debit, credit) VALUES (?, ?, ?, ?, ?, ?)",
                        e.entryId(), years.get(0), month, line.account(),
                        line.isDebit() ? line.debit().value() : BigDecimal.ZERO, line.isDebit() ? BigDecimal.ZERO : line.credit().value());
            }
        }
        jdbc.update("DELETE FROM year_end_closing WHERE closing_id = ?", e.entryId());
    }

    private List<DefinitionRow> rows(String rowsJson) {
        try {
            return json.readValue(rowsJson, ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rows of a posting definition", e);
        }
    }
}
