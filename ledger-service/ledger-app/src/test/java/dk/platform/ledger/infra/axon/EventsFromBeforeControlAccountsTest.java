package dk.platform.ledger.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.platform.ledger.api.AccountType;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.event.AccountOpened;
import dk.platform.ledger.api.event.AppliedAmount;
import dk.platform.ledger.api.event.OpenItemsApplied;
import dk.platform.ledger.api.event.OpenItemsUnapplied;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Revision 1 events stored before control accounts and application definitions still load, with the new fields absent. */
class EventsFromBeforeControlAccountsTest {

    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    <T> T read(Class<T> type, String json) {
        SerializedType serializedType = new SimpleSerializedType(type.getName(), "1");
        return serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class, serializedType));
    }

    @Test
    void anAccountOpenedBeforeControlAccountsIsAnOrdinaryAccount() {
        AccountOpened e = read(AccountOpened.class, "{\"number\":\"1100\",\"name\":\"Debitorer\",\"type\":\"ASSET\"}");
        assertThat(e).isEqualTo(new AccountOpened("1100", "Debitorer", AccountType.ASSET));
        assertThat(e.controlAccount()).isNull();
    }

    @Test
    void anApplicationAndItsUndoFromBeforeApplicationDefinitionsPostNoLines() {
        OpenItemsApplied applied = read(OpenItemsApplied.class, "{\"applicationId\":\"APP-1\",\"party\":\"P1\",\"postingDate\":\"2026-04-21\","
                + "\"text\":\"Kreditnota\",\"applications\":[{\"openItemId\":\"INV-7\",\"amount\":\"100.00\"},"
                + "{\"openItemId\":\"CM-1\",\"amount\":\"-100.00\"}]}");
        assertThat(applied.lines()).isEmpty();
        assertThat(applied.applications()).containsExactly(new AppliedAmount("INV-7", null, Money.of("100.00")),
                new AppliedAmount("CM-1", null, Money.of("-100.00")));
        OpenItemsUnapplied undone = read(OpenItemsUnapplied.class, "{\"applicationId\":\"APP-1\",\"postingDate\":\"2026-04-22\","
                + "\"applications\":[]}");
        assertThat(undone).isEqualTo(new OpenItemsUnapplied("APP-1", LocalDate.of(2026, 4, 22), List.of()));
        assertThat(undone.lines()).isEmpty();
    }
}
