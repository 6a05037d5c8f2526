package dk.platform.settlement.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dk.platform.ledger.api.Money;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas in {@code schemas/} describe what settlement.events carries: every event, as the
 * app's ObjectMapper writes it, validates against its schema, inside a valid envelope; and every
 * event type has a schema.
 */
class SchemasTest {

    static final String BASE = "https://schemas.platform.dk/settlement/";
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, "classpath:schemas/")));
    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .featuresToDisable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    static final List<SettlementEvent> EXAMPLES = List.of(
            new ClaimRejected("RH-2026-04", "SS-2026-03", "practitioner-B", "R-1007", Money.of("850.00")),
            new StatementSettled("RH-2026-04", "SS-2026-03", "REGION-H", LocalDate.of(2026, 4, 20), Money.of("46852.75"),
                    "RH-2026-04-bank", List.of("RH-2026-04-fee-1", "RH-2026-04-diff")),
            new StatementFailed("RH-2026-04", "SS-2026-03", "REGION-H", "BookWriteOff RH-2026-04-fee-1 was rejected", List.of()),
            new StatementRejected("RH-2026-04-B", "SS-2026-03", "REGION-H", Money.of("46852.70"), Money.of("0.05"),
                    "the bank amount 46852.70 differs by 0.05"));

    static Set<ValidationMessage> validate(String path, JsonNode json) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + path), CONFIG).validate(json);
    }

    @Test
    void everyEventTypeHasASchemaAndAnExampleHere() {
        List<String> types = Arrays.stream(SettlementEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).sorted().toList();
        assertThat(EXAMPLES.stream().map(e -> e.getClass().getSimpleName()).sorted().toList()).isEqualTo(types);
        types.forEach(t -> assertThat(getClass().getResource("/schemas/events/" + t + ".schema.json")).as(t).isNotNull());
    }

    @Test
    void everyEventInItsEnvelopeValidatesAgainstTheSchemas() {
        for (SettlementEvent event : EXAMPLES) {
            JsonNode payload = JSON.valueToTree(event);
            assertThat(validate("events/" + event.getClass().getSimpleName() + ".schema.json", payload)).as(payload.toString()).isEmpty();
            JsonNode envelope = JSON.valueToTree(new SettlementEventEnvelope(event.eventId(), event.getClass().getSimpleName(),
                    SettlementEventEnvelope.SCHEMA_VERSION, event.statementId(), event.statementId(),
                    Instant.parse("2026-04-20T10:15:30.123Z"), payload));
            assertThat(validate("settlement-event-envelope.schema.json", envelope)).as(envelope.toString()).isEmpty();
        }
    }

    @Test
    void eventIdsAreDeterministic() {
        assertThat(EXAMPLES).extracting(SettlementEvent::eventId).containsExactly("RH-2026-04:ClaimRejected:R-1007",
                "RH-2026-04:StatementSettled", "RH-2026-04:StatementFailed", "RH-2026-04-B:StatementRejected");
    }

    @Test
    void anAmountAsAJsonNumberIsRefused() throws Exception {
        JsonNode wrong = JSON.readTree("{\"statementId\":\"S\",\"openItemId\":\"I\",\"lineId\":\"L\",\"reference\":\"R\",\"amount\":850.0}");
        assertThat(validate("events/ClaimRejected.schema.json", wrong)).isNotEmpty();
    }
}
