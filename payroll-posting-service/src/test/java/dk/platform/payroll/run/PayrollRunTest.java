package dk.platform.payroll.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.platform.payroll.run.PayrollRun.LedgerAction;
import dk.platform.payroll.run.PayrollRun.LedgerAction.Status;
import dk.platform.payroll.run.PayrollRun.LedgerAction.Type;
import dk.platform.payroll.voucher.VoucherHeader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which entry stands for a run, and that a run stored before reversesEntryId and the enums reads as it did. */
class PayrollRunTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 31);
    static final Instant AT = Instant.parse("2026-10-31T12:00:00Z");
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    @Test
    void aReversalStoresTheEntryItReversesAndTheRunThenHasNoPostedEntryUntilTheNewOneIsAccepted() {
        LedgerAction first = post("payroll-R1-v1", 1, Status.ACCEPTED);
        LedgerAction reversal = new LedgerAction("payroll-R1-v1-r", Type.REVERSE, "payroll-R1-v1-r", 1, DAY, Status.ACCEPTED,
                null, null, null, AT, AT, 2, "u", "payroll-R1-v1");
        assertThat(reversal.reversedEntryId()).isEqualTo("payroll-R1-v1");
        assertThat(run(first).postedEntry()).isEqualTo(first);
        assertThat(run(first, reversal).postedEntry()).isNull();
        LedgerAction second = post("payroll-R1-v2", 2, Status.ACCEPTED);
        assertThat(run(first, reversal, second).postedEntry()).isEqualTo(second);
    }

    @Test
    void aReversalStoredBeforeReversesEntryIdWasRecordedStillFindsItsEntryByTheSuffix() throws Exception {
        String stored = """
                {"commandId":"payroll-R1-v1-r","type":"REVERSE","entryId":"payroll-R1-v1-r","voucherNo":1,
                 "postingDate":"2026-10-31","status":"ACCEPTED","sentAt":"2026-10-31T12:00:00Z","then":2,"onBehalfOf":"u"}""";
        LedgerAction old = JSON.readValue(stored, LedgerAction.class);
        assertThat(old.reversesEntryId()).isNull();
        assertThat(old.reversedEntryId()).isEqualTo("payroll-R1-v1");
        assertThat(run(post("payroll-R1-v1", 1, Status.ACCEPTED), old).postedEntry()).isNull();
    }

    @Test
    void typesStatusesAndVoucherKindsAreStoredAsTheStringsTheyWereAndOnlyAReversalCarriesReversesEntryId() throws Exception {
        String posted = JSON.writeValueAsString(post("payroll-R1-v1", 1, Status.PENDING));
        assertThat(posted).contains("\"type\":\"POST\"", "\"status\":\"PENDING\"").doesNotContain("reversesEntryId");
        String reversal = JSON.writeValueAsString(new LedgerAction("payroll-R1-v1-r", Type.REVERSE, "payroll-R1-v1-r", 1, DAY,
                Status.REJECTED, null, 422, "no", AT, AT, 2, "u", "payroll-R1-v1"));
        assertThat(reversal).contains("\"type\":\"REVERSE\"", "\"status\":\"REJECTED\"", "\"reversesEntryId\":\"payroll-R1-v1\"");
        for (String type : List.of("POST", "REVERSE", "REGISTER_DEBT", "OFFSET_DEBT")) {
            assertThat(Type.valueOf(type).name()).isEqualTo(type);
        }
        PayrollRun.Progress progress = JSON.readValue("""
                {"kind":"REPOSTING","linesDone":1,"linesTotal":2}""", PayrollRun.Progress.class);
        assertThat(JSON.writeValueAsString(progress)).contains("\"kind\":\"REPOSTING\"");
    }

    private static LedgerAction post(String entryId, int voucherNo, Status status) {
        return new LedgerAction(entryId, Type.POST, entryId, voucherNo, DAY, status, null, null, null, AT, AT, null, "u", null);
    }

    private static PayrollRun run(LedgerAction... actions) {
        return new PayrollRun("R1", "E1", List.of(new VoucherHeader.Period(DAY.withDayOfMonth(1), DAY)), DAY, DAY, "f", "h", 2,
                AT, "u", PayrollRun.Status.POSTED, null, null, List.of(), List.of(actions));
    }
}
