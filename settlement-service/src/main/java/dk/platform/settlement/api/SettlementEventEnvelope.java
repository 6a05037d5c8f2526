package dk.platform.settlement.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A record of {@code settlement.events} (schema version 1; key: statementId), described by
 * {@code schemas/settlement-event-envelope.schema.json}. {@code type} is the event's simple name
 * (ClaimRejected, StatementSettled, StatementFailed, StatementRejected); {@code payload} the event.
 */
public record SettlementEventEnvelope(String eventId, String type, int schemaVersion, String statementId,
                                      String correlationId, Instant recordedAt, JsonNode payload) {

    public static final int SCHEMA_VERSION = 1;
}
