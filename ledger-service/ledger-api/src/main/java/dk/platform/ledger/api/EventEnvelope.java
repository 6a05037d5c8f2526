package dk.platform.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What is published on {@code ledger.events} for every ledger event (schema version 1).
 * Consumers de-duplicate by {@code eventId}; events of one aggregate arrive in
 * {@code sequenceNumber} order because the record key is the aggregate id.
 */
public record EventEnvelope(
        String eventId,
        String type,
        int schemaVersion,
        String aggregateId,
        long sequenceNumber,
        LocalDate postingDate,
        Instant recordedAt,
        Metadata metadata,
        JsonNode payload) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * Who and why: {@code user} the authenticated subject (a token's subject, an API key's name,
     * or for a Kafka command the user it was sent on behalf of, else the sending service);
     * {@code service} the service a Kafka command came from (absent for REST).
     */
    public record Metadata(String user, String service, String correlationId, String causationId) {
    }
}
