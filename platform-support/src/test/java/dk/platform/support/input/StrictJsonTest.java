package dk.platform.support.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.platform.support.JsonErrors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    enum Kind { RECEIVABLE, PAYABLE }

    record Body(String id, LocalDate postingDate, Kind kind, BigDecimal percent, Boolean flag) {
    }

    private final ObjectMapper input = StrictJson.forInput(new ObjectMapper().registerModule(new JavaTimeModule()),
            StrictJson.DateRange.DEFAULT);

    @Test
    void aWellFormedBodyIsRead() throws Exception {
        Body body = input.readValue("{\"id\":\"E-1\",\"postingDate\":\"2026-03-31\",\"kind\":\"PAYABLE\",\"percent\":12.5,\"flag\":true}",
                Body.class);
        assertThat(body).isEqualTo(new Body("E-1", LocalDate.of(2026, 3, 31), Kind.PAYABLE, new BigDecimal("12.5"), true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{'postingDate':20260101}| field 'postingDate': a date is a string \"yyyy-mm-dd\", not a number",
            "{'postingDate':'+12026-01-01'}| field 'postingDate': '+12026-01-01' is not a date",
            "{'postingDate':'-2026-01-01'}| field 'postingDate': '-2026-01-01' is not a date",
            "{'postingDate':'2026-01-01T00:00:00'}| field 'postingDate': '2026-01-01T00:00:00' is not a date",
            "{'postingDate':'2026-02-30'}| field 'postingDate': '2026-02-30' is not a date",
            "{'postingDate':'0000-01-01'}| field 'postingDate': 0000-01-01 is outside the dates this ledger takes (1900-01-01 to 2999-12-31)",
            "{'postingDate':'3000-01-01'}| field 'postingDate': 3000-01-01 is outside",
            "{'id':'E-1'}xyz| malformed JSON: Unrecognized token 'xyz'",
            "{'id':'E-1'}{'id':'E-2'}| malformed JSON: there is content after the end of the JSON document",
            "{'id':true}| field 'id': must be a JSON string, not a boolean",
            "{'id':12}| field 'id': must be a JSON string, not a number",
            "{'kind':0}| field 'kind': ",
            "{'kind':'1'}| field 'kind': ",
            "{'percent':'100'}| field 'percent': must be a JSON number, not a string",
            "{'percent':1e2}| field 'percent': '1e2' is written with an exponent",
            "{'flag':1}| field 'flag': ",
            "{'flag':'true'}| field 'flag': ",
            "{'id':'a\\u0000b'}| field 'id': contains the control character U+0000 at position 1",
            "{'id':'a','id':'b'}| malformed JSON: Duplicate field 'id'"})
    void badInputIsRefusedNamingTheFieldAndWhy(String json, String error) {
        assertThatThrownBy(() -> input.readValue(json.replace('\'', '"'), Body.class))
                .satisfies(e -> assertThat(JsonErrors.describe(e)).startsWith(error));
    }

    @Test
    void tabsAndLineBreaksMayStayInTexts() throws Exception {
        assertThat(input.readValue("{\"id\":\"a\\tb\\nc\"}", Body.class).id()).isEqualTo("a\tb\nc");
    }

    @Test
    void aHugeValueIsRefusedAndQuotedOnlyInPart() {
        String huge = "x".repeat(100_000);
        assertThatThrownBy(() -> input.readValue("{\"id\":\"" + huge + "\"}", Body.class))
                .satisfies(e -> assertThat(JsonErrors.describe(e)).isEqualTo("field 'id': is longer than 1000 characters (100000)"));
        assertThatThrownBy(() -> input.readValue("{\"postingDate\":\"" + huge + "\"}", Body.class))
                .satisfies(e -> assertThat(JsonErrors.describe(e)).hasSizeLessThan(200));
    }
}
