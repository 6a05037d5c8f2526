package dk.platform.ledger.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.event.JournalEntryPosted;
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

class JournalEntryPostedUpcasterTest {

    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    @Test
    void aRevisionOneEventStoredBeforePostingDefinitionsStillLoads() {
        String stored = "{\"entryId\":\"JE-1\",\"postingDate\":\"2026-03-31\",\"text\":\"Husleje\",\"transactionType\":null,"
                + "\"lines\":[{\"account\":\"6100\",\"debit\":\"100.00\"},{\"account\":\"5820\",\"credit\":\"100.00\"}]}";
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("JournalEntry", "JE-1", 0, "e-1", Instant.now(),
                JournalEntryPosted.class.getName(), "1", stored.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> upcast = new JournalEntryPostedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();

        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        JournalEntryPosted event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event).isEqualTo(new JournalEntryPosted("JE-1", LocalDate.of(2026, 3, 31), "Husleje", null,
                List.of(PostingLine.debit("6100", Money.of("100.00")), PostingLine.credit("5820", Money.of("100.00"))), List.of()));
    }
}
