package dk.platform.payroll.employer;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.setup.Field;
import dk.platform.payroll.setup.SetupError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static dk.platform.payroll.setup.SetupErrors.errors;
import static org.assertj.core.api.Assertions.assertThat;

/** The sorting-code, employer and employee rules of the former SetupRulesTest, moved whole with EmployerRules. */
class EmployerRulesTest {

    static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    static final SortingCode SORTING = new SortingCode("S1", "Afdeling", List.of(Field.DEPARTMENT, Field.ACCOUNT), false, 1);

    @Test
    void aSortingCodeListsFieldsOnceEach() {
        assertThat(errors(v -> EmployerRules.sortingCode("S1", "Afdeling", List.of(Field.DEPARTMENT, Field.ACCOUNT), v))).isEmpty();
        assertThat(errors(v -> EmployerRules.sortingCode("S", "", List.of(), v))).extracting(SetupError::field)
                .containsExactly("code", "description", "fields");
        assertThat(errors(v -> EmployerRules.sortingCode("S1", "x", List.of(Field.ACCOUNT, Field.ACCOUNT), v))).singleElement()
                .extracting(SetupError::message).asString().contains("repeat", "account");
    }

    @Test
    void anEmployerHasAnIdANameASortingCodeAndChartPeriodsWithDistinctDates() {
        List<Employer.ChartPeriod> periods = List.of(new Employer.ChartPeriod(JAN, "A1"), new Employer.ChartPeriod(JAN.plusMonths(6), "A2"));
        assertThat(errors(v -> EmployerRules.employer("KOMMUNE-101", "Kommunen", "S1", periods, v))).isEmpty();
        assertThat(errors(v -> EmployerRules.employer("a/b", "", " ", List.of(), v))).extracting(SetupError::field)
                .containsExactly("employerId", "name", "sortingCode", "chartPeriods");
        assertThat(errors(v -> EmployerRules.employer("E1", "n", "S1",
                List.of(new Employer.ChartPeriod(JAN, "A1"), new Employer.ChartPeriod(JAN, "SDX")), v)))
                .extracting(SetupError::field).containsExactly("chartPeriods[1].from", "chartPeriods[1].chartCode");
    }

    @Test
    void anEmployeeNeedsEmploymentVersionsWithDistinctDates() {
        assertThat(errors(v -> EmployerRules.employeeNo("12345", null, v))).isEmpty();
        assertThat(errors(v -> EmployerRules.employeeNo("12-45", 3, v))).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("employeeNo");
        });
        assertThat(errors(v -> EmployerRules.employee(List.of(), null, SORTING, null, v))).extracting(SetupError::field)
                .containsExactly("employment");
        assertThat(errors(v -> EmployerRules.employee(List.of(employment(JAN), employment(JAN)), null, SORTING, null, v)))
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

        assertThat(errors(v -> EmployerRules.employee(List.of(employment(JAN)), List.of(first, later, otherWageType), SORTING, null, v)))
                .isEmpty();
        assertThat(errors(v -> EmployerRules.employee(List.of(employment(JAN)), List.of(first, later, overlapping), SORTING, null, v)))
                .singleElement().extracting(SetupError::message).asString()
                .contains("wage type 1100", "2026-04-01", "100.01", "more than 100");
    }

    // ------------------------------------------------------------------ helpers

    static Employment employment(LocalDate from) {
        return new Employment(from, "1010", "P1", null, null, null, null, null, null, null, null, null, null, false);
    }

    static CostDistribution distribution(String wageType, Field field, String percent, String amount) {
        return new CostDistribution(wageType, JAN, null, field, "1020", percent == null ? null : new BigDecimal(percent),
                amount == null ? null : Money.of(amount));
    }

    private static List<SetupError> distributionErrors(CostDistribution distribution) {
        return errors(v -> EmployerRules.employee(List.of(employment(JAN)), List.of(distribution), SORTING, null, v));
    }
}
