package dk.platform.payroll.posting;

import dk.platform.payroll.chart.Chart;
import dk.platform.payroll.setup.Field;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dk.platform.payroll.posting.PostingFixture.CHARTS_FROM;
import static dk.platform.payroll.posting.PostingFixture.chart;
import static dk.platform.payroll.posting.PostingFixture.credit;
import static dk.platform.payroll.posting.PostingFixture.debit;
import static dk.platform.payroll.posting.PostingFixture.departmentOverride;
import static dk.platform.payroll.posting.PostingFixture.employee;
import static dk.platform.payroll.posting.PostingFixture.linesOn;
import static dk.platform.payroll.posting.PostingFixture.money;
import static dk.platform.payroll.posting.PostingFixture.pay;
import static dk.platform.payroll.posting.PostingFixture.signedOn;
import static org.assertj.core.api.Assertions.assertThat;

/** Group posting (gruppekontering, SPEC §4.1): the chart's group field selects the line. */
class GroupPostingTest {

    /** Monthly salary: department 1010 to X, 2020 to Y, the rest of 10** to Z; net pay for every group. */
    static Chart byDepartment() {
        return chart("A1", CHARTS_FROM, Field.DEPARTMENT,
                debit("1100", "X").group("1010"),
                debit("1100", "Y").group("2020"),
                debit("1100", "Z").group("10**"),
                credit("9991", "2000"));
    }

    @Test
    void department1010PostsMonthlySalaryToAnotherAccountThan2020AndTheIntervalCoversTheRest() {
        PostingFixture fixture = new PostingFixture().chart(byDepartment())
                .employee(employee("E1").dept("1010"))
                .employee(employee("E2").dept("2020"))
                .employee(employee("E3").dept("1050"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E2", "1100", "200.00"),
                pay("E3", "1100", "300.00"), pay("E1", "9991", "100.00"), pay("E2", "9991", "200.00"),
                pay("E3", "9991", "300.00"));

        assertThat(signedOn(voucher, "X")).isEqualTo(money("100.00"));
        assertThat(signedOn(voucher, "Y")).isEqualTo(money("200.00"));
        assertThat(signedOn(voucher, "Z")).isEqualTo(money("300.00"));
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void aDepartmentNoGroupLineCoversIsMissingFromTheChart() {
        PostingFixture fixture = new PostingFixture().chart(byDepartment()).employee(employee("E1").dept("3030"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"));

        assertThat(voucher.causes()).singleElement().satisfies(cause -> {
            assertThat(cause.reason()).isEqualTo("NOT_IN_CHART");
            assertThat(cause.wageType()).isEqualTo("1100");
            assertThat(cause.employees()).containsExactly("E1");
        });
        assertThat(voucher.postable()).isFalse();
    }

    @Test
    void aCostDistributionToAnotherDepartmentSelectsThatDepartmentsGroupLine() {
        PostingFixture fixture = new PostingFixture().chart(byDepartment())
                .employee(employee("E1").dept("1010").percent("1100", "2020", "100"))
                .employee(employee("E2").dept("1010").percent("1100", "2020", "25"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"),
                pay("E2", "1100", "80.00"), pay("E2", "9991", "80.00"));

        assertThat(signedOn(voucher, "Y")).isEqualTo(money("120.00"));
        assertThat(signedOn(voucher, "X")).as("E2's own 75 %").isEqualTo(money("60.00"));
        assertThat(fixture.specOf("E1")).filteredOn(r -> r.wageType().equals("1100"))
                .extracting(SpecRow::account).containsExactly("Y");
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void anInputPostedDepartmentSelectsThatDepartmentsGroupLine() {
        PostingFixture fixture = new PostingFixture().chart(byDepartment()).employee(employee("E1").dept("1010"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00", departmentOverride("2020")), pay("E1", "9991", "100.00"));

        assertThat(signedOn(voucher, "Y")).isEqualTo(money("100.00"));
        assertThat(linesOn(voucher, "X")).isEmpty();
    }

    @Test
    void theEmploymentInForceOnTheReferenceDateDecidesTheGroup() {
        PostingFixture fixture = new PostingFixture().chart(byDepartment())
                .employee(employee("E1").dept("1010").movesTo("2020", LocalDate.of(2026, 11, 1)));

        Voucher october = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"));
        Voucher november = fixture.referenceDate(LocalDate.of(2026, 11, 30))
                .run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"));

        assertThat(signedOn(october, "X")).isEqualTo(money("100.00"));
        assertThat(signedOn(november, "Y")).isEqualTo(money("100.00"));
    }

    @Test
    void anotherGroupFieldSelectsByThatField() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", CHARTS_FROM, Field.JOB_CATEGORY,
                        debit("1100", "LAEGE").group("L1"), debit("1100", "OEVRIGE"), credit("9991", "2000")))
                .employee(employee("E1").dept("1010").jobCategory("L1"))
                .employee(employee("E2").dept("1010").jobCategory("S7"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E2", "1100", "10.00"),
                pay("E1", "9991", "100.00"), pay("E2", "9991", "10.00"));

        assertThat(signedOn(voucher, "LAEGE")).isEqualTo(money("100.00"));
        assertThat(signedOn(voucher, "OEVRIGE")).isEqualTo(money("10.00"));
    }

    @Test
    void withoutAGroupFieldOnlyAnyGroupLinesApply() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", CHARTS_FROM, null, debit("1100", "X").group("1010"), debit("1100", "ALL"),
                        credit("9991", "2000")))
                .employee(employee("E1").dept("1010"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"));

        assertThat(signedOn(voucher, "ALL")).isEqualTo(money("100.00"));
        assertThat(linesOn(voucher, "X")).isEmpty();
    }
}
