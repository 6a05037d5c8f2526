package dk.platform.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.domain.LedgerException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

@RestController
@Tag(name = "Audit", description = "The event history, straight from the event store")
class AuditController {

    /** One stored event with its metadata. */
    record AuditEvent(String eventId, String type, String aggregateId, long sequenceNumber, Instant recordedAt,
                      JsonNode metadata, JsonNode payload) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AuditController(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/api/audit/events")
    @Operation(summary = "An aggregate's events in order, with metadata (user, correlationId, causationId) and recording time",
            description = "aggregateId is an entry or open-item id (e.g. SS-2026-03), account:<number> or party:<party>.")
    List<AuditEvent> events(@RequestParam String aggregateId) {
        List<AuditEvent> events = jdbc.query("SELECT eventIdentifier, payloadType, aggregateIdentifier, sequenceNumber, timeStamp,"
                        + " metaData, payload FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
                (rs, i) -> new AuditEvent(rs.getString(1), simpleName(rs.getString(2)), rs.getString(3), rs.getLong(4),
                        Instant.parse(rs.getString(5)), parse(rs.getBytes(6)), parse(rs.getBytes(7))),
                aggregateId);
        if (events.isEmpty()) {
            throw new LedgerException.NotFound("no events for aggregate '" + aggregateId + "'");
        }
        return events;
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
