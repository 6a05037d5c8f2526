package dk.platform.payroll.posting;

import dk.platform.payroll.chart.Chart;
import dk.platform.payroll.employer.Employer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dk.platform.payroll.posting.PostingFixture.CHARTS_FROM;
import static dk.platform.payroll.posting.PostingFixture.chart;
import static dk.platform.payroll.posting.PostingFixture.credit;
import static dk.platform.payroll.posting.PostingFixture.debit;
import static dk.platform.payroll.posting.PostingFixture.employee;
import static dk.platform.payroll.posting.PostingFixture.linesOn;
import static dk.platform.payroll.posting.PostingFixture.money;
import static dk.platform.payroll.posting.PostingFixture.pay;
import static dk.platform.payroll.posting.PostingFixture.signedOn;
import static org.assertj.core.api.Assertions.assertThat;

/** Which chart posts an employee (SPEC §4.1): a deviating chart, else the employer's chart in force; validity. */
class ChartChoiceTest {

    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    /** Mixed periods 1.10-31.10 in arrears and 1.11-30.11 in advance: the caller passes the earliest period end. */
    static final LocalDate EARLIEST_END_OF_MIXED_RUN = LocalDate.of(2026, 10, 31);
    static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    static Chart a1() {
        return chart("A1", debit("1100", "5000"), credit("9991", "2000"));
    }

    static Chart b1() {
        return chart("B1", debit("1100", "5100"), credit("9991", "2000"));
    }

    @Test
    void anEmployeeWithADeviatingChartIsPostedByItAndTheOthersByTheEmployersChart() {
        PostingFixture fixture = new PostingFixture().chart(a1()).chart(b1())
                .employee(employee("E1"))
                .employee(employee("E2").deviatingChart("B1"))
                .employee(employee("E3"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E2", "1100", "200.00"), pay("E3", "1100", "300.00"),
                pay("E1", "9991", "100.00"), pay("E2", "9991", "200.00"), pay("E3", "9991", "300.00"));

        assertThat(signedOn(voucher, "5000")).isEqualTo(money("400.00"));
        assertThat(signedOn(voucher, "5100")).isEqualTo(money("200.00"));
        assertThat(linesOn(voucher, "2000")).as("where the charts agree the lines are one").hasSize(1);
        assertThat(voucher.charts()).containsExactly(
                new Voucher.ChartUse("A1", a1().revision(), 2),
                new Voucher.ChartUse("B1", b1().revision(), 1));
        assertThat(voucher.employees()).isEqualTo(3);
        assertThat(fixture.specOf("E2")).isNotEmpty().allSatisfy(row -> assertThat(row.chart()).isEqualTo("B1"));
        assertThat(fixture.specOf("E1")).isNotEmpty().allSatisfy(row -> assertThat(row.chart()).isEqualTo("A1"));
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void theChartInForceOnTheEarliestPeriodEndIsTheEmployersChart() {
        Employer employer = new Employer("ER1", "Klinik", "S1", java.util.List.of(
                new Employer.ChartPeriod(NOV_1, "A1"), new Employer.ChartPeriod(CHARTS_FROM, "SD")), 1);

        assertThat(employer.chartOn(EARLIEST_END_OF_MIXED_RUN)).contains("SD");
        assertThat(employer.chartOn(NOV_1)).contains("A1");
        assertThat(employer.chartOn(NOV_30)).contains("A1");
        assertThat(employer.chartOn(CHARTS_FROM.minusDays(1))).isEmpty();
    }

    @Test
    void aMixedRunUsesTheChartOfItsEarliestPeriodEnd() {
        PostingFixture fixture = new PostingFixture()
                .chartPeriods(new Employer.ChartPeriod(CHARTS_FROM, "SD"), new Employer.ChartPeriod(NOV_1, "A1"))
                .chart(chart("SD", debit("1100", "0000000010"), credit("9991", "0000000170")))
                .chart(chart("A1", NOV_1, null, debit("1100", "5000"), credit("9991", "2000")))
                .employee(employee("E1"));

        Voucher mixed = fixture.referenceDate(EARLIEST_END_OF_MIXED_RUN)
                .run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"));
        Voucher november = fixture.referenceDate(NOV_30).run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"));

        assertThat(mixed.charts()).extracting(Voucher.ChartUse::code).containsExactly("SD");
        assertThat(signedOn(mixed, "0000000010")).isEqualTo(money("100.00"));
        assertThat(mixed.postable()).isTrue();
        assertThat(november.charts()).extracting(Voucher.ChartUse::code).containsExactly("A1");
        assertThat(signedOn(november, "5000")).isEqualTo(money("100.00"));
        assertThat(november.postable()).isTrue();
    }

    @Test
    void aChartValidFromAfterTheReferenceDateIsNotUsed() {
        PostingFixture fixture = new PostingFixture()
                .chartPeriods(new Employer.ChartPeriod(LocalDate.of(2026, 10, 1), "A1"))
                .chart(chart("A1", NOV_1, null, debit("1100", "5000"), credit("9991", "2000")))
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"));

        assertThat(voucher.lines()).isEmpty();
        assertThat(voucher.causes()).extracting(DifferenceCause::reason).containsOnly("CHART_NOT_VALID");
        assertThat(voucher.causes()).allSatisfy(cause -> {
            assertThat(cause.chart()).isEqualTo("A1");
            assertThat(cause.employees()).containsExactly("E1");
            assertThat(cause.detail()).contains("A1", "2026-10-31");
        });
        assertThat(voucher.postable()).isFalse();
        assertThat(fixture.spec).allSatisfy(row -> assertThat(row.note()).startsWith("CHART_NOT_VALID"));
    }

    @Test
    void aDeviatingChartNotYetValidOrMissingIsACause() {
        PostingFixture fixture = new PostingFixture().chart(a1())
                .chart(chart("B1", LocalDate.of(2027, 1, 1), null, debit("1100", "5100"), credit("9991", "2000")))
                .employee(employee("E1"))
                .employee(employee("E2").deviatingChart("B1"))
                .employee(employee("E3").deviatingChart("C9"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E2", "1100", "200.00"), pay("E3", "1100", "300.00"));

        assertThat(voucher.causes()).filteredOn(c -> c.reason().equals("CHART_NOT_VALID"))
                .extracting(DifferenceCause::chart, DifferenceCause::employees, DifferenceCause::amount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("B1", java.util.List.of("E2"), money("200.00")),
                        org.assertj.core.groups.Tuple.tuple("C9", java.util.List.of("E3"), money("300.00")));
        assertThat(voucher.charts()).extracting(Voucher.ChartUse::code).containsExactly("A1");
        assertThat(linesOn(voucher, "5100")).isEmpty();
        assertThat(voucher.postable()).isFalse();
    }

    @Test
    void anEmployerWithoutAChartInForceGivesChartNotValid() {
        PostingFixture fixture = new PostingFixture()
                .chartPeriods(new Employer.ChartPeriod(NOV_1, "A1"))
                .chart(a1())
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"));

        assertThat(voucher.causes()).extracting(DifferenceCause::reason).containsExactly("CHART_NOT_VALID");
        assertThat(voucher.postable()).isFalse();
    }
}
