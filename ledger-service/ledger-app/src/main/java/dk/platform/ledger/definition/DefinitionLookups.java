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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
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
public class DefinitionLookups {

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

    public String fundClass(String fund) {
        List<String> rows = jdbc.queryForList("SELECT fund_class FROM fund_lookup WHERE fund = ?", String.class, fund);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Balances (debit - credit) of every account up to and including {@code lastMonth} (yyyy-MM), summed over the stripes. */
    public Map<String, Money> balancesUpTo(String lastMonth) {
        Map<String, Money> balances = new LinkedHashMap<>();
        jdbc.query("SELECT number, sum(debit) - sum(credit) FROM account_month_total WHERE month <= ? GROUP BY number ORDER BY number",
                rs -> {
                    balances.put(rs.getString(1), new Money(rs.getBigDecimal(2)));
                }, lastMonth);
        return balances;
    }

    /** The entry that closed a fiscal year for a fund class ("" = all funds), or null. */
    public String closedBy(int fiscalYear, String fundClass) {
        List<String> rows = jdbc.queryForList("SELECT closing_id FROM year_end_closing WHERE fiscal_year = ? AND fund_class = ?",
                String.class, fiscalYear, fundClass == null ? "" : fundClass);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @EventHandler
    void on(PostingDefinitionRegistered e) throws JsonProcessingException {
        jdbc.update("INSERT INTO posting_definition (definition_id, transaction_type, fund_class, version, rows_json, retired)"
                        + " VALUES (?, ?, ?, ?, ?, false) ON CONFLICT (definition_id) DO UPDATE SET transaction_type = EXCLUDED.transaction_type,"
                        + " fund_class = EXCLUDED.fund_class, version = EXCLUDED.version, rows_json = EXCLUDED.rows_json, retired = false",
                e.definitionId(), e.transactionType(), e.fundClass(), e.version(), json.writeValueAsString(e.rows()));
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

    /** Rows per account and month in account_month_total: concurrent entries on one account (the bank) mostly lock different rows. */
    static final int STRIPES = 8;

    @EventHandler
    void on(PostsEntry e) {
        String month = e.postingDate().toString().substring(0, 7);
        int stripe = Math.floorMod(e.postedEntryId().hashCode(), STRIPES);
        for (PostingLine line : e.lines()) {
            BigDecimal debit = line.isDebit() ? line.debit().value() : BigDecimal.ZERO;
            BigDecimal credit = line.isDebit() ? BigDecimal.ZERO : line.credit().value();
            jdbc.update("INSERT INTO account_month_total (number, month, stripe, debit, credit) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (number, month, stripe) DO UPDATE SET debit = account_month_total.debit + EXCLUDED.debit,"
                    + " credit = account_month_total.credit + EXCLUDED.credit",
                    line.account(), month, stripe, debit, credit);
        }
    }

    @EventHandler
    void on(YearClosed e) {
        jdbc.update("INSERT INTO year_end_closing (fiscal_year, fund_class, closing_id) VALUES (?, ?, ?)",
                e.fiscalYear(), e.fundClass() == null ? "" : e.fundClass(), e.closingId());
    }

    /**
     * Reversing a closing entry re-opens its year. A reversal posts lines too: Axon calls only this,
     * the most specific handler, so it counts them here.
     */
    @EventHandler
    void on(EntryReversed e) {
        on((PostsEntry) e);
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
