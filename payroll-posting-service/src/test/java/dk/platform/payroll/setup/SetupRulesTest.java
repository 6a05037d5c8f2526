package dk.platform.payroll.setup;

import dk.platform.ledger.api.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class SetupRulesTest {

    static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    static final SortingCode SORTING = new SortingCode("S1", "Afdeling", List.of(Field.DEPARTMENT, Field.ACCOUNT), false, 1);

    // ------------------------------------------------------------------ charts

    @Test
    void aChartCodeIsExactlyTwoLettersOrDigits() {
        assertThat(errors(v -> SetupRules.chartCode("code", "A1", v))).isEmpty();
        for (String bad : new String[]{"A", "A12", "A-", "", null}) {
            assertThat(errors(v -> SetupRules.chartCode("code", bad, v))).singleElement()
                    .satisfies(e -> assertThat(e.toString()).contains("code", "exactly 2 letters or digits"));
        }
    }

    @Test
    void aChartNeedsADescriptionOf1To30AValidFromAndAtMostAGroupField() {
        assertThat(errors(v -> SetupRules.chartHeader("Kontoplan", JAN, Field.DEPARTMENT, v))).isEmpty();
        assertThat(errors(v -> SetupRules.chartHeader("x".repeat(31), null, Field.ACCOUNT, v)))
                .extracting(SetupError::field).containsExactly("description", "validFrom", "groupField");
        assertThat(errors(v -> SetupRules.chartHeader("x".repeat(31), JAN, null, v))).singleElement()
                .extracting(SetupError::message).asString().contains("1..30", "was 31");
        assertThat(errors(v -> SetupRules.chartHeader(" ", JAN, null, v))).extracting(SetupError::field).containsExactly("description");
    }

    @Test
    void aValidLineIsNormalisedBlankToAbsentAndUsageDefaulted() {
        Violations v = new Violations();
        ChartLine line = SetupRules.line(input("10**", "13**", "2", "k", "101-66100", " ", "ANS", "", "LØNOPL",
                "yes", null), 1, v);
        assertThat(v.list()).isEmpty();
        assertThat(line).isEqualTo(new ChartLine("10**", "13**", 2, Side.K, "101-66100", null, "ANS", null, "LØNOPL",
                null, null, null, null, null, null, true, Usage.VOUCHER_AND_CENTRAL));
    }

    @Test
    void everyBadFieldOfALineIsNamedWithItsLimit() {
        List<SetupError> errors = errors(v -> SetupRules.line(new LineInput(null, "1*0", "1*00", "100", "X", "a b", "t".repeat(41),
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
            assertThat(errors(v -> SetupRules.line(input("*", good, "1", "D", "1", null, null, null, null, null, null), 1, v)))
                    .as(good).isEmpty();
        }
        for (String bad : new String[]{"110", "11000", "1*1*", "AB**", "*100"}) {
            assertThat(errors(v -> SetupRules.line(input("*", bad, "1", "D", "1", null, null, null, null, null, null), 1, v)))
                    .as(bad).extracting(SetupError::field).containsExactly("wageType");
        }
    }

    @Test
    void aGroupPatternNeedsAGroupFieldOnTheChart() {
        List<ChartLine> lines = List.of(ChartLine.of("1100", 1, Side.D, "5000", null).withGroup("10**"));
        assertThat(errors(v -> SetupRules.chartLines(lines, List.of(3), null, v))).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("group");
            assertThat(e.message()).contains("no group field");
        });
        assertThat(errors(v -> SetupRules.chartLines(lines, List.of(3), Field.DEPARTMENT, v))).isEmpty();
    }

    @Test
    void inAGroupPostingAllLinesOfOneWageTypeShareOneSeq() {
        List<ChartLine> lines = List.of(ChartLine.of("1100", 1, Side.D, "5000", null),
                ChartLine.of("1100", 1, Side.K, "5001", null).withGroup("10**"),
                ChartLine.of("1200", 1, Side.D, "5000", null),
                ChartLine.of("1100", 2, Side.K, "5002", null));
        assertThat(errors(v -> SetupRules.chartLines(lines, List.of(1, 2, 3, 4), null, v))).extracting(SetupError::field)
                .containsExactly("group");
        assertThat(errors(v -> SetupRules.chartLines(lines, List.of(1, 2, 3, 4), Field.DEPARTMENT, v))).singleElement()
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.message()).contains("wage type 1100 has seq 1 on lines 1, 2 and seq 2 on line 4");
                });
    }

    // ------------------------------------------------------------------ wage types and sorting codes

    @Test
    void aWageTypeIsFourDigitsWithATextOf1To40() {
        assertThat(errors(v -> SetupRules.wageType("1100", "Månedsløn", v))).isEmpty();
        assertThat(errors(v -> SetupRules.wageType("110A", "", v))).extracting(SetupError::field).containsExactly("code", "text");
        assertThat(errors(v -> SetupRules.wageType("1100", "x".repeat(41), v))).singleElement()
                .extracting(SetupError::message).asString().contains("1..40");
    }

    @Test
    void aSortingCodeListsFieldsOnceEach() {
        assertThat(errors(v -> SetupRules.sortingCode("S1", "Afdeling", List.of(Field.DEPARTMENT, Field.ACCOUNT), v))).isEmpty();
        assertThat(errors(v -> SetupRules.sortingCode("S", "", List.of(), v))).extracting(SetupError::field)
                .containsExactly("code", "description", "fields");
        assertThat(errors(v -> SetupRules.sortingCode("S1", "x", List.of(Field.ACCOUNT, Field.ACCOUNT), v))).singleElement()
                .extracting(SetupError::message).asString().contains("repeat", "account");
    }

    // ------------------------------------------------------------------ employers and employees

    @Test
    void anEmployerHasAnIdANameASortingCodeAndChartPeriodsWithDistinctDates() {
        List<Employer.ChartPeriod> periods = List.of(new Employer.ChartPeriod(JAN, "A1"), new Employer.ChartPeriod(JAN.plusMonths(6), "A2"));
        assertThat(errors(v -> SetupRules.employer("KOMMUNE-101", "Kommunen", "S1", periods, v))).isEmpty();
        assertThat(errors(v -> SetupRules.employer("a/b", "", " ", List.of(), v))).extracting(SetupError::field)
                .containsExactly("employerId", "name", "sortingCode", "chartPeriods");
        assertThat(errors(v -> SetupRules.employer("E1", "n", "S1",
                List.of(new Employer.ChartPeriod(JAN, "A1"), new Employer.ChartPeriod(JAN, "SDX")), v)))
                .extracting(SetupError::field).containsExactly("chartPeriods[1].from", "chartPeriods[1].chartCode");
    }

    @Test
    void anEmployeeNeedsEmploymentVersionsWithDistinctDates() {
        assertThat(errors(v -> SetupRules.employeeNo("12345", null, v))).isEmpty();
        assertThat(errors(v -> SetupRules.employeeNo("12-45", 3, v))).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("employeeNo");
        });
        assertThat(errors(v -> SetupRules.employee(List.of(), null, SORTING, null, v))).extracting(SetupError::field)
                .containsExactly("employment");
        assertThat(errors(v -> SetupRules.employee(List.of(employment(JAN), employment(JAN)), null, SORTING, null, v)))
                .extracting(SetupError::field).containsExactly("employment[1].from");
    }

    @Test
    void aDistributionUsesADistributionFieldOfTheSortingCode() {
        assertThat(distributionErrors(distribution("1100", Field.DEPARTMENT, "50", null))).isEmpty();
        assertThat(distributionErrors(distribution("1100", Field.ACCOUNT, "50", null))).singleElement()
                .satisfies(e -> assertThat(e.toString()).contains("distributions[0].field", "must be one of"));
        assertThat(distributionErrors(distribution("1100", Field.PAYOUT_PLACE, "50", null))).singleElement()
                .satisfies(e -> assertThat(e.toString()).contains("distributions[0].field", "'payoutPlace' is not in the employer's"
                        + " sorting code S1 [department, account]"));
    }

    @Test
    void aDistributionHasExactlyOneOfAPercentUpTo100WithTwoDecimalsOrAPositiveAmount() {
        assertThat(distributionErrors(distribution("1100", Field.DEPARTMENT, "33.33", null))).isEmpty();
        assertThat(distributionErrors(distribution("1100", Field.DEPARTMENT, null, "1500.00"))).isEmpty();
        assertThat(distributionErrors(distribution("1100", Field.DEPARTMENT, "50", "1500.00"))).extracting(SetupError::field)
                .containsExactly("distributions[0].percent");
        assertThat(distributionErrors(distribution("1100", Field.DEPARTMENT, null, null))).extracting(SetupError::field)
                .containsExactly("distributions[0].percent");
        assertThat(distributionErrors(distribution("1100", Field.DEPARTMENT, "100.01", null))).singleElement()
                .extracting(SetupError::message).asString().contains("at most 100");
        assertThat(distributionErrors(distribution("1100", Field.DEPARTMENT, "0", null))).hasSize(1);
        assertThat(distributionErrors(distribution("1100", Field.DEPARTMENT, "12.345", null))).singleElement()
                .extracting(SetupError::message).asString().contains("2 decimals");
        assertThat(distributionErrors(distribution("1100", Field.DEPARTMENT, null, "0.00"))).extracting(SetupError::field)
                .containsExactly("distributions[0].amount");
    }

    @Test
    void aDistributionEndsNoEarlierThanItStartsAndNamesA4DigitWageTypeAndAValue() {
        CostDistribution backwards = new CostDistribution("11", JAN, JAN.minusDays(1), Field.DEPARTMENT, "12345678901",
                BigDecimal.TEN, null);
        assertThat(distributionErrors(backwards)).extracting(SetupError::field)
                .containsExactly("distributions[0].wageType", "distributions[0].to", "distributions[0].value");
    }

    @Test
    void percentsOfOneWageTypeInForceTogetherAddUpToAtMost100() {
        CostDistribution first = new CostDistribution("1100", JAN, JAN.plusMonths(6), Field.DEPARTMENT, "1010", new BigDecimal("60"), null);
        CostDistribution later = new CostDistribution("1100", JAN.plusMonths(7), null, Field.DEPARTMENT, "1020", new BigDecimal("60"), null);
        CostDistribution overlapping = new CostDistribution("1100", JAN.plusMonths(3), null, Field.DEPARTMENT, "1030", new BigDecimal("40.01"), null);
        CostDistribution otherWageType = new CostDistribution("1200", JAN, null, Field.DEPARTMENT, "1030", new BigDecimal("60"), null);

        assertThat(errors(v -> SetupRules.employee(List.of(employment(JAN)), List.of(first, later, otherWageType), SORTING, null, v)))
                .isEmpty();
        assertThat(errors(v -> SetupRules.employee(List.of(employment(JAN)), List.of(first, later, overlapping), SORTING, null, v)))
                .singleElement().extracting(SetupError::message).asString()
                .contains("wage type 1100", "2026-04-01", "100.01", "more than 100");
    }

    // ------------------------------------------------------------------ helpers

    static LineInput input(String group, String wageType, String seq, String side, String account, String text, String deptCode,
                           String payoutCode, String inputValueCode, String employeeNo, String usage) {
        return new LineInput(null, group, wageType, seq, side, account, text, deptCode, payoutCode, inputValueCode,
                null, null, null, null, null, null, employeeNo, usage);
    }

    static Employment employment(LocalDate from) {
        return new Employment(from, "1010", "P1", null, null, null, null, null, null, null, null, null, null, false);
    }

    static CostDistribution distribution(String wageType, Field field, String percent, String amount) {
        return new CostDistribution(wageType, JAN, null, field, "1020", percent == null ? null : new BigDecimal(percent),
                amount == null ? null : Money.of(amount));
    }

    private static List<SetupError> distributionErrors(CostDistribution distribution) {
        return errors(v -> SetupRules.employee(List.of(employment(JAN)), List.of(distribution), SORTING, null, v));
    }

    static List<SetupError> errors(Consumer<Violations> check) {
        Violations v = new Violations();
        check.accept(v);
        return v.list();
    }
}
