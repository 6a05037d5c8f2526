package dk.platform.settlement.statement.web;

import dk.platform.ledger.api.Money;
import dk.platform.settlement.statement.SettlementAccounts;
import dk.platform.settlement.statement.Statement;
import dk.platform.settlement.support.WorkedExample;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StatementCsvTest {

    static final SettlementAccounts DEFAULTS = new SettlementAccounts("7250", "1190", "3090");

    @Test
    void theSampleFileIsTheWorkedExample() throws IOException {
        try (InputStream sample = getClass().getResourceAsStream("/samples/statement-SS-2026-03.csv")) {
            String csv = new String(sample.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(StatementCsv.parse(csv, DEFAULTS)).isEqualTo(WorkedExample.statement("RH-2026-04", "46852.75"));
        }
    }

    @Test
    void emptyAccountsTakeTheConfiguredDefaultsAndQuotedFieldsMayHoldCommas() {
        Statement s = StatementCsv.parse("""
                statement,RH-1,REGION-H,SS-1,2026-04-20,5820,100.00\r
                fee,"Gebyr, \"\"admin\"\"",1.00
                rejected,practitioner-B,R-1,2.00
                difference,3.00,
                """, DEFAULTS);
        assertThat(s.fees()).containsExactly(new Statement.Fee("Gebyr, \"admin\"", Money.of("1.00"), "7250", null));
        assertThat(s.rejected()).containsExactly(new Statement.RejectedBill("practitioner-B", "R-1", Money.of("2.00"), "1190"));
        assertThat(s.difference()).isEqualTo(new Statement.Difference(Money.of("3.00"), "3090"));
    }

    @Test
    void everyErrorIsReportedWithItsLineNumberAndTheFileIsRefusedWhole() {
        StatementCsv.Invalid invalid = catchThrowableOfType(StatementCsv.Invalid.class, () -> StatementCsv.parse("""
                # a comment
                statement,RH-1,REGION-H,SS-1,20-04-2026,5820,100.00
                fee,Fondsbidrag,412,50,7250
                fee,Fondsbidrag,1e3
                rejected,practitioner-B,R-1,850.00
                rejected,practitioner-A,R-1,1.00
                refund,1.00
                difference,-2.50
                difference,-2.50
                """, DEFAULTS));

        assertThat(invalid.errors).containsExactly(
                "line 2: settlementDate '20-04-2026' is not a date (yyyy-mm-dd)",
                "line 3: fee amount '412' is not an amount with two decimals and a decimal point, such as 412.50 or -2.50"
                        + " (a decimal comma splits the field)",
                "line 4: fee amount '1e3' is not an amount with two decimals and a decimal point, such as 412.50 or -2.50"
                        + " (a decimal comma splits the field)",
                "line 6: rejected bill reference 'R-1' is used twice (first on line 5)",
                "line 7: unknown record type 'refund'; expected statement, fee, rejected or difference",
                "line 9: a second difference record (the first is on line 8)");
        assertThat(invalid.getMessage()).startsWith("6 errors: line 2: ");
    }

    @Test
    void aFileWithoutAStatementRecordIsRefused() {
        assertThatThrownBy(() -> StatementCsv.parse("fee,Fondsbidrag,1.00\n", DEFAULTS))
                .isInstanceOf(StatementCsv.Invalid.class)
                .hasMessageStartingWith("line 1: no statement record");
        assertThatThrownBy(() -> StatementCsv.parse("statement,RH-1,REGION-H\n", DEFAULTS))
                .hasMessage("line 1: 3 fields where 7 are expected: statement,statementId,party,openItemId,settlementDate,cashAccount,bankAmount");
    }
}
