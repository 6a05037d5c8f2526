package dk.platform.support.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractReaderTest {

    record Answer(String commandId, int status) {
    }

    final ContractReader reader = new ContractReader(new ObjectMapper());

    @Test
    void aFieldTheReaderDoesNotKnowIsIgnored() {
        assertThat(reader.read("{\"commandId\":\"c1\",\"status\":2,\"addedLater\":true}", Answer.class))
                .isEqualTo(new Answer("c1", 2));
    }

    @Test
    void anEmptyOrUnreadableRecordIsAPoisonRecordNamingWhy() {
        for (String empty : new String[]{null, "", "  "}) {
            assertThatThrownBy(() -> reader.read(empty, Answer.class)).isInstanceOf(PoisonRecord.class)
                    .hasMessage("not readable as the published contract: an empty record");
        }
        assertThatThrownBy(() -> reader.read("{not json", Answer.class)).isInstanceOf(PoisonRecord.class)
                .hasMessageStartingWith("not readable as the published contract: malformed JSON");
        assertThatThrownBy(() -> reader.read("{\"status\":\"many\"}", Answer.class)).isInstanceOf(PoisonRecord.class)
                .hasMessageContaining("field 'status'");
    }

    @Test
    void aPartOfARecordIsConvertedTheSameWay() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(reader.convert(json.readTree("{\"commandId\":\"c1\",\"status\":1,\"x\":0}"), Answer.class))
                .isEqualTo(new Answer("c1", 1));
        assertThatThrownBy(() -> reader.convert(json.readTree("{\"status\":[]}"), Answer.class)).isInstanceOf(PoisonRecord.class);
    }
}
