package dk.platform.ledger.lookup;

import dk.platform.ledger.api.ApplicationMethod;
import dk.platform.ledger.api.event.AccountOpened;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.OpenItemAllocated;
import dk.platform.ledger.api.event.OpenItemAllocationReleased;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.PartyApplicationMethodSet;
import dk.platform.ledger.api.event.PaymentApplied;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Set-based validation (DESIGN.md §3): small tables in PostgreSQL kept by a subscribing
 * processor, so they change in the same transaction as the events they come from and a
 * command can ask "does account 5820 exist?" without loading an aggregate.
 */
@Component
@ProcessingGroup("lookups")
public class Lookups {

    private final JdbcTemplate jdbc;

    Lookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The accounts of {@code numbers} that do not exist, sorted. */
    public Set<String> missingAccounts(Collection<String> numbers) {
        Set<String> missing = new TreeSet<>(numbers);
        if (missing.isEmpty()) {
            return missing;
        }
        String in = numbers.stream().map(n -> "?").collect(Collectors.joining(","));
        missing.removeAll(jdbc.queryForList("SELECT number FROM account_lookup WHERE number IN (" + in + ")",
                String.class, numbers.toArray()));
        return missing;
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
        jdbc.update("INSERT INTO account_lookup (number, name, type) VALUES (?, ?, ?) ON CONFLICT (number) DO NOTHING",
                e.number(), e.name(), e.type().name());
    }

    @EventHandler
    void on(PartyApplicationMethodSet e) {
        jdbc.update("INSERT INTO party_lookup (party, application_method) VALUES (?, ?) ON CONFLICT (party)"
                + " DO UPDATE SET application_method = EXCLUDED.application_method", e.party(), e.applicationMethod().name());
    }

    @EventHandler
    void on(OpenItemRegistered e) {
        jdbc.update("INSERT INTO open_item_index (open_item_id, party, kind, due_date, is_open) VALUES (?, ?, ?, ?, true)"
                + " ON CONFLICT (open_item_id) DO NOTHING", e.openItemId(), e.party(), e.kind().name(), e.dueDate());
    }

    @EventHandler
    void on(PaymentApplied e) {
        if (!e.unapplied().isZero()) {
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

    private void setOpen(String openItemId, boolean open) {
        jdbc.update("UPDATE open_item_index SET is_open = ? WHERE open_item_id = ?", open, openItemId);
    }
}
