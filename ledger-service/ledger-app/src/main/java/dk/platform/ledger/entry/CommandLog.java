package dk.platform.ledger.entry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which client id has been used by which command, with a digest of its payload. A row is
 * written in the same transaction as the command's events, so "posted" and "id taken" can
 * never disagree, also after a crash.
 */
@Component
public class CommandLog {

    public record Entry(String commandId, String commandType, String payloadHash, String aggregateId) {
    }

    private final JdbcTemplate jdbc;

    CommandLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the id; false if it was already taken (then {@link #find} tells by what). */
    public boolean claim(Entry entry) {
        return jdbc.update("INSERT INTO command_log (command_id, command_type, payload_hash, aggregate_id) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (command_id) DO NOTHING",
                entry.commandId(), entry.commandType(), entry.payloadHash(), entry.aggregateId()) == 1;
    }

    public Entry find(String commandId) {
        List<Entry> rows = jdbc.query("SELECT command_id, command_type, payload_hash, aggregate_id FROM command_log WHERE command_id = ?",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), commandId);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
