package dk.platform.ledger.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.platform.ledger.api.DebtKind;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.event.SkyldigtBeløbRegistered;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SkyldigtBeløbRegisteredUpcasterTest {

    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    @Test
    void aDebtStoredBeforeDebtsHadAnEmployerIsReadAsTheDefaultEmployers() {
        String stored = "{\"debtId\":\"D-1001-2026-03\",\"employeeNo\":\"1001\",\"kind\":\"AUTO\",\"amount\":\"3200.00\","
                + "\"postingDate\":\"2026-03-31\",\"payrollRunId\":\"2026-03\",\"counterAccount\":\"0000000170\",\"debtAccount\":\"61.50\","
                + "\"lines\":[{\"account\":\"61.50\",\"debit\":\"3200.00\"},{\"account\":\"0000000170\",\"credit\":\"3200.00\"}]}";

        List<IntermediateEventRepresentation> upcast = new SkyldigtBeløbRegisteredUpcaster()
                .upcast(Stream.of(representation(stored, "1"))).toList();

        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        SkyldigtBeløbRegistered event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event).isEqualTo(new SkyldigtBeløbRegistered("D-1001-2026-03", "DEFAULT", "1001", DebtKind.AUTO,
                Money.of("3200.00"), LocalDate.of(2026, 3, 31), "2026-03", "0000000170", "61.50",
                List.of(PostingLine.debit("61.50", Money.of("3200.00")), PostingLine.credit("0000000170", Money.of("3200.00")))));
    }

    @Test
    void aDebtOfRevisionTwoKeepsItsEmployer() {
        String stored = "{\"debtId\":\"D-1\",\"employerId\":\"K101\",\"employeeNo\":\"1001\",\"kind\":\"MANUAL\",\"amount\":\"5.00\","
                + "\"postingDate\":\"2026-03-31\",\"counterAccount\":\"0000000170\",\"debtAccount\":\"61.50\",\"lines\":[]}";

        List<IntermediateEventRepresentation> upcast = new SkyldigtBeløbRegisteredUpcaster()
                .upcast(Stream.of(representation(stored, "2"))).toList();

        SkyldigtBeløbRegistered event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event.employerId()).isEqualTo("K101");
    }

    InitialEventRepresentation representation(String payload, String revision) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("EmployeeDebt", "D-1", 0, "e-1", Instant.now(),
                SkyldigtBeløbRegistered.class.getName(), revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8)), serializer);
    }
}
