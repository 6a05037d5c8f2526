package dk.platform.ledger.lookup;

import dk.platform.ledger.api.ApplicationMethod;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.event.AccountOpened;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.OpenItemAllocated;
import dk.platform.ledger.api.event.OpenItemAllocationReleased;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.PartyApplicationMethodSet;
import dk.platform.ledger.api.event.PaymentApplied;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Set-based validation (DESIGN.md §3): small tables in PostgreSQL kept by a subscribing
 * processor, so they change in the same transaction as the events they come from and a
 * command can ask "does account 5820 exist?" without loading an aggregate.
 */
@Component
@ProcessingGroup("lookups")
public class Lookups implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Lookups.class);

    /** An account that an open item would make a control account: whether it is one already, and its balance. */
    public record ControlStanding(boolean control, Money balance) {
    }

    /** The seed of the account locks' keys (hashtextextended), so that they do not meet other advisory locks. */
    private static final int LOCK_SEED = 1100;

    private final JdbcTemplate jdbc;

    Lookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The accounts a command names that do not exist, and those of its plain accounts that are control accounts; both sorted. */
    public record AccountStanding(Set<String> missing, Set<String> control) {
    }

    /**
     * Which of {@code accounts} do not exist, and which of {@code plain} (the accounts a command posts
     * plain lines to) are control accounts (SPEC §1.1), in one read. The plain accounts are first
     * share-locked until the command commits, so an open item cannot make one of them a control
     * account between this check and the posting (see {@link #controlStanding}). The locks are
     * PostgreSQL advisory locks, one per account number, held in memory: a row lock (FOR SHARE)
     * would write the bank's row on every command (issue 17).
     */
    public AccountStanding standing(Collection<String> accounts, Collection<String> plain) {
        Set<String> missing = new TreeSet<>(accounts);
        Set<String> control = new TreeSet<>();
        if (missing.isEmpty()) {
            return new AccountStanding(missing, control);
        }
        Set<String> plainAccounts = new TreeSet<>(plain);
        if (!plainAccounts.isEmpty()) {
            jdbc.query("SELECT pg_advisory_xact_lock_shared(hashtextextended(n, " + LOCK_SEED + ")) FROM unnest(?::text[]) n",
                    rs -> { }, (Object) plainAccounts.toArray(String[]::new));
        }
        jdbc.query("SELECT number, control FROM account_lookup WHERE number = ANY(?::text[])", rs -> {
            String number = rs.getString(1);
            missing.remove(number);
            if (rs.getBoolean(2) && plainAccounts.contains(number)) {
                control.add(number);
            }
        }, (Object) new TreeSet<>(accounts).toArray(String[]::new));
        return new AccountStanding(missing, control);
    }

    /** The accounts of {@code numbers} that do not exist, sorted. */
    public Set<String> missingAccounts(Collection<String> numbers) {
        return standing(numbers, List.of()).missing();
    }

    /** The accounts of {@code numbers} that are control accounts (SPEC §1.1), sorted; share-locked as in {@link #standing}. */
    public Set<String> controlAccounts(Collection<String> numbers) {
        return standing(numbers, numbers).control();
    }

    /** Every control account (a handful: debtors, creditors). */
    public Set<String> allControlAccounts() {
        return new TreeSet<>(jdbc.queryForList("SELECT number FROM account_lookup WHERE control", String.class));
    }

    /**
     * Whether {@code number} is a control account, and if not, its balance (every posting on it is
     * a plain one). An account that is not one yet is locked (exclusively) until the command commits:
     * a plain entry on it waits, then sees it as a control account; one that came first is in the balance.
     */
    public ControlStanding controlStanding(String number) {
        List<Boolean> control = jdbc.queryForList("SELECT control FROM account_lookup WHERE number = ?", Boolean.class, number);
        if (!control.isEmpty() && Boolean.TRUE.equals(control.get(0))) {
            return new ControlStanding(true, null);
        }
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, " + LOCK_SEED + "))", rs -> { }, number);
        // read again under the lock: an item that held it may just have made the account a control account
        List<Boolean> locked = jdbc.queryForList("SELECT control FROM account_lookup WHERE number = ?", Boolean.class, number);
        if (!locked.isEmpty() && Boolean.TRUE.equals(locked.get(0))) {
            return new ControlStanding(true, null);
        }
        BigDecimal balance = jdbc.queryForObject("SELECT COALESCE(SUM(debit) - SUM(credit), 0) FROM account_month_total"
                + " WHERE number = ?", BigDecimal.class, number);
        return new ControlStanding(false, new Money(balance));
    }

    public Map<String, String> account(String number) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT name, type FROM account_lookup WHERE number = ?", number);
        return rows.isEmpty() ? null : Map.of("name", (String) rows.get(0).get("name"), "type", (String) rows.get(0).get("type"));
    }

    public ApplicationMethod applicationMethod(String party) {
        List<String> rows = jdbc.queryForList("SELECT application_method FROM party_lookup WHERE party = ?", String.class, party);
        return rows.isEmpty() ? ApplicationMethod.MANUAL : ApplicationMethod.valueOf(rows.get(0));
    }

    /** A party's open items of one kind, oldest due date first (registration order breaks ties). */
    public List<String> openItemsOldestFirst(String party, String kind) {
        return new ArrayList<>(jdbc.queryForList("SELECT open_item_id FROM open_item_index WHERE party = ? AND kind = ?"
                + " AND is_open ORDER BY due_date, registered_seq", String.class, party, kind));
    }

    @EventHandler
    void on(AccountOpened e) {
        jdbc.update("INSERT INTO account_lookup (number, name, type, control) VALUES (?, ?, ?, ?) ON CONFLICT (number) DO NOTHING",
                e.number(), e.name(), e.type().name(), Boolean.TRUE.equals(e.controlAccount()));
    }

    @EventHandler
    void on(PartyApplicationMethodSet e) {
        jdbc.update("INSERT INTO party_lookup (party, application_method) VALUES (?, ?) ON CONFLICT (party)"
                + " DO UPDATE SET application_method = EXCLUDED.application_method", e.party(), e.applicationMethod().name());
    }

    @EventHandler
    void on(OpenItemRegistered e) {
        becomesControlAccount(e.controlAccount());
        jdbc.update("INSERT INTO open_item_index (open_item_id, party, kind, due_date, is_open) VALUES (?, ?, ?, ?, true)"
                + " ON CONFLICT (open_item_id) DO NOTHING", e.openItemId(), e.party(), e.kind().name(), e.dueDate());
    }

    @EventHandler
    void on(PaymentApplied e) {
        if (!e.unapplied().isZero()) {
            becomesControlAccount(e.controlAccount());
            jdbc.update("INSERT INTO open_item_index (open_item_id, party, kind, due_date, is_open) VALUES (?, ?, ?, ?, true)"
                    + " ON CONFLICT (open_item_id) DO NOTHING", e.paymentId(), e.party(), e.kind().name(), e.postingDate());
        }
    }

    @EventHandler
    void on(OpenItemAllocated e) {
        setOpen(e.openItemId(), !e.remaining().isZero());
    }

    @EventHandler
    void on(OpenItemAllocationReleased e) {
        setOpen(e.openItemId(), !e.remaining().isZero());
    }

    @EventHandler
    void on(EntryReversed e) {
        if (e.openItemCancelled()) {
            setOpen(e.entryId(), false);
        }
    }

    /** SPEC §1.1: once an open item uses an account, it is a control account for good. */
    private void becomesControlAccount(String number) {
        jdbc.update("UPDATE account_lookup SET control = true WHERE number = ? AND control IS NOT TRUE", number);
    }

    /**
     * Rows from before control accounts (control NULL) learn once, from the stored events, which
     * accounts open items use. Runs before the command listeners start.
     */
    @Override
    public void afterSingletonsInstantiated() {
        Long unknown = jdbc.queryForObject("SELECT count(*) FROM account_lookup WHERE control IS NULL", Long.class);
        if (unknown == null || unknown == 0) {
            return;
        }
        int marked = jdbc.update("UPDATE account_lookup SET control = (number IN (SELECT c FROM (SELECT convert_from(payload, 'UTF8')::jsonb"
                + " ->> 'controlAccount' AS c FROM domainevententry WHERE payloadtype IN (?, ?)) used WHERE c IS NOT NULL))"
                + " WHERE control IS NULL", OpenItemRegistered.class.getName(), PaymentApplied.class.getName());
        log.info("control accounts: {} accounts from before control accounts looked up in the stored events; now control: {}",
                marked, allControlAccounts());
    }

    private void setOpen(String openItemId, boolean open) {
        jdbc.update("UPDATE open_item_index SET is_open = ? WHERE open_item_id = ?", open, openItemId);
    }
}
