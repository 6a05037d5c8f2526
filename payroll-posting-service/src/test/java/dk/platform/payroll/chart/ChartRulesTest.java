package dk.platform.payroll.chart;

import dk.platform.payroll.setup.Field;
import dk.platform.payroll.setup.SetupError;
import dk.platform.payroll.setup.Violations;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dk.platform.payroll.setup.SetupErrors.errors;
import static org.assertj.core.api.Assertions.assertThat;

/** The chart rules of the former SetupRulesTest, moved whole with ChartRules. */
class ChartRulesTest {

    static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    @Test
    void aChartCodeIsExactlyTwoLettersOrDigits() {
        assertThat(errors(v -> ChartRules.chartCode("code", "A1", v))).isEmpty();
        for (String bad : new String[]{"A", "A12", "A-", "", null}) {
            assertThat(errors(v -> ChartRules.chartCode("code", bad, v))).singleElement()
                    .satisfies(e -> assertThat(e.toString()).contains("code", "exactly 2 letters or digits"));
        }
    }

    @Test
    void aChartNeedsADescriptionOf1To30AValidFromAndAtMostAGroupField() {
        assertThat(errors(v -> ChartRules.chartHeader("Kontoplan", JAN, Field.DEPARTMENT, v))).isEmpty();
        assertThat(errors(v -> ChartRules.chartHeader("x".repeat(31), null, Field.ACCOUNT, v)))
                .extracting(SetupError::field).containsExactly("description", "validFrom", "groupField");
        assertThat(errors(v -> ChartRules.chartHeader("x".repeat(31), JAN, null, v))).singleElement()
                .extracting(SetupError::message).asString().contains("1..30", "was 31");
        assertThat(errors(v -> ChartRules.chartHeader(" ", JAN, null, v))).extracting(SetupError::field).containsExactly("description");
    }

    @Test
    void aValidLineIsNormalisedBlankToAbsentAndUsageDefaulted() {
        Violations v = new Violations();
        ChartLine line = ChartRules.line(input("10**", "13**", "2", "k", "101-66100", " ", "ANS", "", "LØNOPL",
                "yes", null), 1, v);
        assertThat(v.list()).isEmpty();
        assertThat(line).isEqualTo(new ChartLine("10**", "13**", 2, Side.K, "101-66100", null, "ANS", null, "LØNOPL",
                null, null, null, null, null, null, true, Usage.VOUCHER_AND_CENTRAL));
    }

    @Test
    void everyBadFieldOfALineIsNamedWithItsLimit() {
        List<SetupError> errors = errors(v -> ChartRules.line(new LineInput(null, "1*0", "1*00", "100", "X", "a b", "t".repeat(41),
                "ABCDEFG", "ans", "ABCDEFGHIJK", "ABCDEFGHIJK", null, null, null, null, null, "ja", "LEDGER"), 7, v));
        assertThat(errors).allSatisfy(e -> assertThat(e.line()).isEqualTo(7));
        assertThat(errors).extracting(SetupError::field).containsExactly("group", "wageType", "seq", "side", "account", "text",
                "deptCode", "inputValueCode", "optional1", "employeeNo", "usage");
        assertThat(errors).extracting(SetupError::message).anySatisfy(m -> assertThat(m).contains("seq must be a whole number 1..99"))
                .anySatisfy(m -> assertThat(m).contains("account must be 1..20"))
                .anySatisfy(m -> assertThat(m).contains("deptCode must be ANS, blank or a constant of at most 6"))
                .anySatisfy(m -> assertThat(m).contains("inputValueCode must be LØNOPL, blank or a constant of at most 10"))
                .anySatisfy(m -> assertThat(m).contains("usage must be one of [VOUCHER_AND_CENTRAL, VOUCHER, CENTRAL, SPREADSHEET]"));
    }

    @Test
    void aWageTypePatternIsFourLongWithDigitsThenStars() {
        for (String good : new String[]{"1100", "13**", "1***", "****"}) {
            assertThat(errors(v -> ChartRules.line(input("*", good, "1", "D", "1", null, null, null, null, null, null), 1, v)))
                    .as(good).isEmpty();
        }
        for (String bad : new String[]{"110", "11000", "1*1*", "AB**", "*100"}) {
            assertThat(errors(v -> ChartRules.line(input("*", bad, "1", "D", "1", null, null, null, null, null, null), 1, v)))
                    .as(bad).extracting(SetupError::field).containsExactly("wageType");
        }
    }

    @Test
    void aGroupPatternNeedsAGroupFieldOnTheChart() {
        List<ChartLine> lines = List.of(ChartLine.of("1100", 1, Side.D, "5000", null).withGroup("10**"));
        assertThat(errors(v -> ChartRules.chartLines(lines, List.of(3), null, v))).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("group");
            assertThat(e.message()).contains("no group field");
        });
        assertThat(errors(v -> ChartRules.chartLines(lines, List.of(3), Field.DEPARTMENT, v))).isEmpty();
    }

    @Test
    void inAGroupPostingAllLinesOfOneWageTypeShareOneSeq() {
        List<ChartLine> lines = List.of(ChartLine.of("1100", 1, Side.D, "5000", null),
                ChartLine.of("1100", 1, Side.K, "5001", null).withGroup("10**"),
                ChartLine.of("1200", 1, Side.D, "5000", null),
                ChartLine.of("1100", 2, Side.K, "5002", null));
        assertThat(errors(v -> ChartRules.chartLines(lines, List.of(1, 2, 3, 4), null, v))).extracting(SetupError::field)
                .containsExactly("group");
        assertThat(errors(v -> ChartRules.chartLines(lines, List.of(1, 2, 3, 4), Field.DEPARTMENT, v))).singleElement()
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.message()).contains("wage type 1100 has seq 1 on lines 1, 2 and seq 2 on line 4");
                });
    }

    // ------------------------------------------------------------------ helpers

    static LineInput input(String group, String wageType, String seq, String side, String account, String text, String deptCode,
                           String payoutCode, String inputValueCode, String employeeNo, String usage) {
        return new LineInput(null, group, wageType, seq, side, account, text, deptCode, payoutCode, inputValueCode,
                null, null, null, null, null, null, employeeNo, usage);
    }
}
