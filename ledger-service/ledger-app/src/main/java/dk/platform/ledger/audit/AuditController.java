package dk.platform.ledger.audit;

import dk.platform.ledger.api.InputRules;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.platform.ledger.domain.LedgerException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The event history straight from the event store, filtered by aggregate, global position,
 * recorded time, event type and correlation id, in global order. The answer is streamed from a
 * cursor (JDBC fetch size) as a JSON array, or as JSON Lines when asked for
 * {@code application/x-ndjson}, so a million events never sit in memory.
 */
@RestController
@Tag(name = "Audit", description = "The event history, straight from the event store")
class AuditController {

    static final String NDJSON = "application/x-ndjson";
    static final int FETCH_SIZE = 500;
    private static final Pattern TYPE = Pattern.compile("[\\p{L}\\p{N}_$]+");

    /** One stored event with its global position and metadata (user, correlationId, causationId). */
    record AuditEvent(long position, String eventId, String type, String aggregateId, long sequenceNumber, Instant recordedAt,
                      JsonNode metadata, JsonNode payload) {
    }

    /** The validated filters and the SQL they make. */
    record Filter(String aggregateId, Long fromPosition, Long toPosition, Instant from, Instant to, String type, String correlationId) {

        String where() {
            List<String> clauses = new ArrayList<>();
            if (aggregateId != null) clauses.add("aggregateIdentifier = ?");
            if (fromPosition != null) clauses.add("globalIndex >= ?");
            if (toPosition != null) clauses.add("globalIndex <= ?");
            if (from != null) clauses.add("CAST(timeStamp AS timestamptz) >= ?");
            if (to != null) clauses.add("CAST(timeStamp AS timestamptz) < ?");
            if (type != null) clauses.add("(payloadType = ? OR right(payloadType, ?) = ?)");
            if (correlationId != null) clauses.add("convert_from(metaData, 'UTF8')::jsonb ->> 'correlationId' = ?");
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        void bind(PreparedStatement st) throws SQLException {
            int i = 1;
            if (aggregateId != null) st.setString(i++, aggregateId);
            if (fromPosition != null) st.setLong(i++, fromPosition);
            if (toPosition != null) st.setLong(i++, toPosition);
            if (from != null) st.setTimestamp(i++, Timestamp.from(from));
            if (to != null) st.setTimestamp(i++, Timestamp.from(to));
            if (type != null) {
                st.setString(i++, type);
                st.setInt(i++, type.length() + 1);
                st.setString(i++, "." + type);
            }
            if (correlationId != null) st.setString(i, correlationId);
        }
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ObjectMapper json;

    AuditController(JdbcTemplate jdbc, DataSource dataSource, ObjectMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
    }

    @GetMapping("/api/audit/events")
    @Operation(summary = "Stored events in global order, with position, metadata (user, correlationId, causationId) and recording time",
            description = "Filters combine: aggregateId (an entry or open-item id such as SS-2026-03, account:<number> or party:<party>;"
                    + " 404 when it has no events), fromPosition/toPosition (global positions, both inclusive), from/to (recorded time as"
                    + " ISO instants, from inclusive, to exclusive), type (event simple name such as PaymentApplied) and correlationId"
                    + " (one business operation across services). Without filters, every event. Streamed: a JSON array, or JSON Lines"
                    + " (one event per line) with Accept: application/x-ndjson.")
    void events(@RequestParam(required = false) String aggregateId,
                @Parameter(description = "first global position, inclusive") @RequestParam(required = false) String fromPosition,
                @Parameter(description = "last global position, inclusive") @RequestParam(required = false) String toPosition,
                @Parameter(description = "recorded at or after, ISO instant (2026-03-01T00:00:00Z)") @RequestParam(required = false) String from,
                @Parameter(description = "recorded before, ISO instant") @RequestParam(required = false) String to,
                @Parameter(description = "event simple name, e.g. OpenItemRegistered") @RequestParam(required = false) String type,
                @RequestParam(required = false) String correlationId,
                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                HttpServletResponse response) throws IOException {
        Filter filter = filter(aggregateId, fromPosition, toPosition, from, to, type, correlationId);
        if (filter.aggregateId() != null && !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM DomainEventEntry WHERE aggregateIdentifier = ?)", Boolean.class, filter.aggregateId()))) {
            throw new LedgerException.NotFound("no events for aggregate " + InputRules.quote(filter.aggregateId()) + "");
        }
        boolean lines = accept != null && accept.contains(NDJSON);
        response.setStatus(200);
        response.setContentType(lines ? NDJSON : MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        stream(filter, lines, response.getOutputStream());
    }

    static Filter filter(String aggregateId, String fromPosition, String toPosition, String from, String to, String type,
                         String correlationId) {
        Long fromPos = position("fromPosition", fromPosition);
        Long toPos = position("toPosition", toPosition);
        if (fromPos != null && toPos != null && fromPos > toPos) {
            throw new LedgerException.Invalid("fromPosition " + fromPos + " is after toPosition " + toPos);
        }
        Instant fromTime = instant("from", from);
        Instant toTime = instant("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw new LedgerException.Invalid("from " + fromTime + " is not before to " + toTime);
        }
        String t = blankToNull(type);
        if (t != null && !TYPE.matcher(t).matches()) {
            throw new LedgerException.Invalid("type " + InputRules.quote(t) + " is not an event name (a simple class name such as PaymentApplied)");
        }
        return new Filter(blankToNull(aggregateId), fromPos, toPos, fromTime, toTime, t, blankToNull(correlationId));
    }

    private static Long position(String name, String value) {
        if (blankToNull(value) == null) return null;
        try {
            long p = Long.parseLong(value.trim());
            if (p < 0) throw new LedgerException.Invalid(name + " must be 0 or more, was " + p);
            return p;
        } catch (NumberFormatException e) {
            throw new LedgerException.Invalid(name + " " + InputRules.quote(value) + " is not a global position (a whole number)");
        }
    }

    private static Instant instant(String name, String value) {
        if (blankToNull(value) == null) return null;
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new LedgerException.Invalid(name + " " + InputRules.quote(value) + " is not an ISO instant such as 2026-03-01T00:00:00Z");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Writes the events from a server-side cursor; the autocommit-off transaction is what makes PostgreSQL honour the fetch size. */
    void stream(Filter filter, boolean lines, OutputStream out) throws IOException {
        String sql = "SELECT globalIndex, eventIdentifier, payloadType, aggregateIdentifier, sequenceNumber, timeStamp, metaData, payload"
                + " FROM DomainEventEntry" + filter.where() + " ORDER BY globalIndex";
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement st = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                st.setFetchSize(FETCH_SIZE);
                filter.bind(st);
                try (ResultSet rs = st.executeQuery(); JsonGenerator g = json.getFactory().createGenerator(out)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    g.setRootValueSeparator(null);
                    ObjectWriter writer = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
                    if (!lines) g.writeStartArray();
                    while (rs.next()) {
                        AuditEvent e = new AuditEvent(rs.getLong(1), rs.getString(2), simpleName(rs.getString(3)), rs.getString(4),
                                rs.getLong(5), Instant.parse(rs.getString(6)), parse(rs.getBytes(7)), parse(rs.getBytes(8)));
                        writer.writeValue(g, e);
                        if (lines) g.writeRaw('\n');
                    }
                    if (!lines) g.writeEndArray();
                    g.flush();
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the event store failed", e);
        }
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return bytes == null ? null : json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
