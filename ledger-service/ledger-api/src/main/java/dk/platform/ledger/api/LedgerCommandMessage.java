package dk.platform.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A command sent to the ledger over Kafka topic {@code ledger.commands} (key: {@code commandId}).
 * {@code type} is the command's name as in SPEC §7 ({@code BookWriteOff}, {@code ApplyPayment},
 * {@code ReverseEntry}, ...; see {@link LedgerCommandTypes}); {@code payload} is that command's
 * JSON body, exactly as the REST API takes it. {@code sender} names the sending service and
 * {@code correlationId} the business operation; both end up on every event the command causes.
 * The ledger answers every message, redeliveries included, on {@code ledger.command-results}.
 */
public record LedgerCommandMessage(String commandId, String type, JsonNode payload, String sender, String correlationId) {
}
