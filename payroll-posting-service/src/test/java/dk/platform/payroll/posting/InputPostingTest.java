package dk.platform.payroll.posting;

import dk.platform.payroll.chart.Side;
import dk.platform.payroll.setup.Field;
import org.junit.jupiter.api.Test;

import static dk.platform.payroll.posting.PostingFixture.accountOverride;
import static dk.platform.payroll.posting.PostingFixture.chart;
import static dk.platform.payroll.posting.PostingFixture.credit;
import static dk.platform.payroll.posting.PostingFixture.debit;
import static dk.platform.payroll.posting.PostingFixture.departmentOverride;
import static dk.platform.payroll.posting.PostingFixture.employee;
import static dk.platform.payroll.posting.PostingFixture.line;
import static dk.platform.payroll.posting.PostingFixture.linesOn;
import static dk.platform.payroll.posting.PostingFixture.money;
import static dk.platform.payroll.posting.PostingFixture.pay;
import static dk.platform.payroll.posting.PostingFixture.signedOn;
import static org.assertj.core.api.Assertions.assertThat;

/** Input posting (inputkontering, SPEC §4.3): a run line's overrides win over a cost distribution. */
class InputPostingTest {

    @Test
    void anInputPostedDepartmentBeatsTheDistribution() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("1100", "5000").dept("ANS"), credit("9991", "2000")))
                .employee(employee("E1").dept("0100").percent("1100", "0201", "60").percent("1100", "0202", "40"));

        Voucher voucher = fixture.run(pay("E1", "1100", "1000.00", departmentOverride("0300")),
                pay("E1", "9991", "1000.00"));

        assertThat(signedOn(voucher, "5000", "0300")).isEqualTo(money("1000.00"));
        assertThat(linesOn(voucher, "5000")).hasSize(1);
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void aLineWithoutInputPostingOfTheSameEmployeeIsStillDistributed() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("1100", "5000").dept("ANS"), credit("9991", "2000")))
                .employee(employee("E1").dept("0100").percent("1100", "0201", "100"));

        Voucher voucher = fixture.run(pay("E1", "1100", "1000.00", departmentOverride("0300")),
                pay("E1", "1100", "10.00"), pay("E1", "9991", "1010.00"));

        assertThat(signedOn(voucher, "5000", "0300")).isEqualTo(money("1000.00"));
        assertThat(signedOn(voucher, "5000", "0201")).isEqualTo(money("10.00"));
    }

    @Test
    void anOverrideOfAnotherFieldLeavesTheDepartmentDistributionInPlace() {
        PostingFixture fixture = new PostingFixture()
                .sortBy(Field.DEPARTMENT, Field.PAYOUT_PLACE)
                .chart(chart("A1", debit("1100", "5000").dept("ANS").payout("ANS"), credit("9991", "2000")))
                .employee(employee("E1").dept("0100").payout("P1").percent("1100", "0201", "100"));
        RunLine.Overrides payout = new RunLine.Overrides(null, "P9", null, null, null, null, null, null, null, null);

        Voucher voucher = fixture.run(pay("E1", "1100", "1000.00", payout), pay("E1", "9991", "1000.00"));

        assertThat(linesOn(voucher, "5000")).singleElement()
                .satisfies(l -> assertThat(l.values()).containsExactly("0201", "P9"));
    }

    @Test
    void anInputPostedAccountReplacesTheAccountOfDebitLinesOnly() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", line("1500", 1, Side.D, "4000"), line("1500", 2, Side.K, "2500")))
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1500", "250.00", accountOverride("4999")));

        assertThat(signedOn(voucher, "4999")).isEqualTo(money("250.00"));
        assertThat(linesOn(voucher, "4000")).isEmpty();
        assertThat(signedOn(voucher, "2500")).as("the credit line keeps its account").isEqualTo(money("-250.00"));
        assertThat(voucher.postable()).isTrue();
        assertThat(fixture.spec).extracting(SpecRow::account).containsExactly("4999", "2500");
    }

    @Test
    void anInputPostedAccountAppliesToEveryDistributedShare() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("1100", "5000").dept("ANS"), credit("9991", "2000")))
                .employee(employee("E1").dept("0100").percent("1100", "0201", "50"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00", accountOverride("5999")), pay("E1", "9991", "100.00"));

        assertThat(signedOn(voucher, "5999", "0201")).isEqualTo(money("50.00"));
        assertThat(signedOn(voucher, "5999", "0100")).isEqualTo(money("50.00"));
        assertThat(linesOn(voucher, "5000")).isEmpty();
    }

    @Test
    void blankOverridesAreNoOverrides() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("1100", "5000").dept("ANS"), credit("9991", "2000")))
                .employee(employee("E1").dept("0100").percent("1100", "0201", "100"));
        RunLine.Overrides blank = new RunLine.Overrides("", " ", "", "", "", "", "", "", "", "");

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00", blank), pay("E1", "9991", "100.00"));

        assertThat(linesOn(voucher, "5000")).singleElement()
                .satisfies(l -> assertThat(l.values()).as("the distribution still applies").containsExactly("0201"));
        assertThat(voucher.lines()).extracting(VoucherLine::account).containsOnly("5000", "2000");
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void theInputValueGoesWhereAChartLineSaysLoenopl() {
        PostingFixture fixture = new PostingFixture()
                .sortBy(Field.INPUT_VALUE_CODE)
                .chart(chart("A1", debit("1100", "5000").inputValue("LØNOPL"), credit("9991", "2000").inputValue("K1")))
                .employee(employee("E1"));
        RunLine.Overrides input = new RunLine.Overrides(null, null, null, null, null, null, null, null, null, "PRJ-7");

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00", input), pay("E1", "9991", "100.00"));

        assertThat(linesOn(voucher, "5000")).singleElement().satisfies(l -> {
            assertThat(l.values()).containsExactly("PRJ-7");
            assertThat(l.total()).isFalse();
        });
        assertThat(linesOn(voucher, "2000")).singleElement().satisfies(l -> {
            assertThat(l.values()).containsExactly("K1");
            assertThat(l.total()).as("a constant input value code is a total").isTrue();
        });
    }
}
