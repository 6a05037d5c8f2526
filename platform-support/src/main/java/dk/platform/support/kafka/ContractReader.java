package dk.platform.support.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.support.JsonErrors;

/**
 * How a service reads the records of another service's published contract ({@code ledger.events},
 * {@code ledger.command-results}): tolerantly, ignoring fields it does not know (the publisher may
 * add some), and strictly about the rest. A record that is empty or not readable as the contract
 * would never become readable, so it is a {@link PoisonRecord}: {@link KafkaErrorHandling} parks
 * it in {@code <topic>.dlt} at once, and the partition goes on.
 */
public final class ContractReader {

    private final ObjectMapper json;

    public ContractReader(ObjectMapper json) {
        this.json = tolerant(json);
    }

    /** A copy of {@code json} that ignores unknown fields: for any reader of a published contract. */
    public static ObjectMapper tolerant(ObjectMapper json) {
        return json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** A record's value as the contract's type. */
    public <T> T read(String value, Class<T> type) {
        if (value == null || value.isBlank()) {
            throw unreadable(new IllegalArgumentException("an empty record"));
        }
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
    }

    /** A part of a record (an event's payload) as the contract's type. */
    public <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw unreadable(e);
        }
    }

    /** Not readable as the published contract: it would never become readable. */
    public static PoisonRecord unreadable(Exception e) {
        return new PoisonRecord("not readable as the published contract: " + JsonErrors.describe(e));
    }
}
