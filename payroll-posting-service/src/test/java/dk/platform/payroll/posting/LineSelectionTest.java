package dk.platform.payroll.posting;

import dk.platform.payroll.chart.Side;
import dk.platform.payroll.setup.Field;
import org.junit.jupiter.api.Test;

import static dk.platform.payroll.posting.PostingFixture.chart;
import static dk.platform.payroll.posting.PostingFixture.credit;
import static dk.platform.payroll.posting.PostingFixture.debit;
import static dk.platform.payroll.posting.PostingFixture.employee;
import static dk.platform.payroll.posting.PostingFixture.line;
import static dk.platform.payroll.posting.PostingFixture.linesOn;
import static dk.platform.payroll.posting.PostingFixture.money;
import static dk.platform.payroll.posting.PostingFixture.pay;
import static dk.platform.payroll.posting.PostingFixture.signedOn;
import static org.assertj.core.api.Assertions.assertThat;

/** Which chart lines post a wage type (SPEC §4.1): the most specific match, with all its sequence numbers. */
class LineSelectionTest {

    @Test
    void aSingleWageTypeLineBeatsTheIntervalItLiesIn() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("13**", "5300"), debit("1310", "5310"), credit("9991", "2000")))
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1310", "100.00"), pay("E1", "1320", "50.00"), pay("E1", "9991", "150.00"));

        assertThat(signedOn(voucher, "5310")).isEqualTo(money("100.00"));
        assertThat(signedOn(voucher, "5300")).as("1320 by the interval, 1310 not").isEqualTo(money("50.00"));
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void theLinesOrderInTheChartDoesNotDecideSpecificity() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("1310", "5310"), debit("13**", "5300"), credit("9991", "2000")))
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1310", "100.00"), pay("E1", "9991", "100.00"));

        assertThat(signedOn(voucher, "5310")).isEqualTo(money("100.00"));
        assertThat(linesOn(voucher, "5300")).isEmpty();
    }

    @Test
    void aGroupSpecificLineBeatsTheAnyGroupLine() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", PostingFixture.CHARTS_FROM, Field.DEPARTMENT,
                        debit("1100", "5000"), debit("1100", "5010").group("1010"), credit("9991", "2000")))
                .employee(employee("E1").dept("1010"))
                .employee(employee("E2").dept("2020"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E2", "1100", "30.00"),
                pay("E1", "9991", "100.00"), pay("E2", "9991", "30.00"));

        assertThat(signedOn(voucher, "5010")).isEqualTo(money("100.00"));
        assertThat(signedOn(voucher, "5000")).isEqualTo(money("30.00"));
    }

    @Test
    void aBlankGroupIsTheAnyGroupNotTheMostSpecific() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", PostingFixture.CHARTS_FROM, Field.DEPARTMENT,
                        debit("1100", "ALL").group(""), debit("1100", "5010").group("1010"), credit("9991", "2000")))
                .employee(employee("E1").dept("1010"))
                .employee(employee("E2").dept("2020"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E2", "1100", "30.00"),
                pay("E1", "9991", "100.00"), pay("E2", "9991", "30.00"));

        assertThat(signedOn(voucher, "5010")).isEqualTo(money("100.00"));
        assertThat(signedOn(voucher, "ALL")).isEqualTo(money("30.00"));
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void theWageTypePatternIsDecidedBeforeTheGroupPattern() {
        // 1310 for any group is more specific than 13** for group 1010: the wage type decides first
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", PostingFixture.CHARTS_FROM, Field.DEPARTMENT,
                        debit("13**", "5399").group("1010"), debit("1310", "5310"), credit("9991", "2000")))
                .employee(employee("E1").dept("1010"));

        Voucher voucher = fixture.run(pay("E1", "1310", "100.00"), pay("E1", "1320", "40.00"), pay("E1", "9991", "140.00"));

        assertThat(signedOn(voucher, "5310")).isEqualTo(money("100.00"));
        assertThat(signedOn(voucher, "5399")).as("only 1320 goes by the group line").isEqualTo(money("40.00"));
    }

    @Test
    void aLoneStarWageTypeLineIsNotACatchAllSoAMissingWageTypeStillMakesADifference() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("*", "5999"), credit("9991", "2000")))
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"));

        assertThat(linesOn(voucher, "5999")).isEmpty();
        assertThat(voucher.causes()).extracting(DifferenceCause::reason, DifferenceCause::wageType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NOT_IN_CHART", "1100"));
    }

    @Test
    void fourStarsCoverEveryWageTypeAsTheLeastSpecificWageTypePattern() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("****", "5999"), credit("9991", "2000")))
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"));

        assertThat(signedOn(voucher, "5999")).isEqualTo(money("100.00"));
        assertThat(signedOn(voucher, "2000")).as("9991 by its own line, not by ****").isEqualTo(money("-100.00"));
        assertThat(voucher.postable()).isTrue();
    }

    // ---------------------------------------------------------------- sequence numbers

    @Test
    void aProvisionDebitOnSeq1AndCreditOnSeq2BalancesAsTwoVoucherLines() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", line("1500", 1, Side.D, "4000"), line("1500", 2, Side.K, "2500")))
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1500", "250.00"));

        assertThat(voucher.lines()).hasSize(2);
        assertThat(linesOn(voucher, "4000")).singleElement().satisfies(l -> {
            assertThat(l.debit()).isEqualTo(money("250.00"));
            assertThat(l.credit()).isNull();
        });
        assertThat(linesOn(voucher, "2500")).singleElement().satisfies(l -> {
            assertThat(l.credit()).isEqualTo(money("250.00"));
            assertThat(l.debit()).isNull();
        });
        assertThat(voucher.difference().isZero()).isTrue();
        assertThat(voucher.causes()).isEmpty();
        assertThat(voucher.postable()).isTrue();
        assertThat(fixture.spec).extracting(SpecRow::chartLineNo).containsExactly(1, 2);
    }

    @Test
    void allSequencesOfTheBestMatchArePostedInSequenceOrder() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", line("1500", 2, Side.K, "2500"), line("1500", 1, Side.D, "4000")))
                .employee(employee("E1"));

        fixture.run(pay("E1", "1500", "10.00"));

        assertThat(fixture.spec).extracting(SpecRow::account).containsExactly("4000", "2500");
        assertThat(fixture.spec).extracting(SpecRow::chartLine).containsExactly("*/1500/1/D", "*/1500/2/K");
    }

    @Test
    void aWageTypePostedTwiceOnDebitIsAnUnbalancedSequenceAndADifference() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", line("1500", 1, Side.D, "4000"), line("1500", 2, Side.D, "4100")))
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1500", "250.00"));

        assertThat(voucher.causes()).extracting(DifferenceCause::reason).contains("UNBALANCED_SEQUENCES");
        DifferenceCause cause = voucher.causes().stream().filter(c -> c.reason().equals("UNBALANCED_SEQUENCES"))
                .findFirst().orElseThrow();
        assertThat(cause.wageType()).isEqualTo("1500");
        assertThat(cause.chart()).isEqualTo("A1");
        assertThat(cause.employees()).containsExactly("E1");
        assertThat(cause.amount()).as("the second debit is the difference").isEqualTo(money("250.00").plus(money("250.00")));
        assertThat(voucher.difference()).isEqualTo(money("500.00"));
        assertThat(voucher.postable()).isFalse();
    }

    @Test
    void debitAndCreditOnTheSameSeqBalanceLikeTheStandardCharts9815() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", line("9815", 1, Side.K, "0000001270"), line("9815", 1, Side.D, "0000000110")))
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "9815", "1234.56"));

        assertThat(voucher.causes()).isEmpty();
        assertThat(voucher.difference().isZero()).isTrue();
        assertThat(signedOn(voucher, "0000000110")).isEqualTo(money("1234.56"));
        assertThat(signedOn(voucher, "0000001270")).isEqualTo(money("-1234.56"));
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void twoDebitsAndOneCreditDoNotBalanceEvenIfTheyAreMoreThanTwoLines() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", line("1500", 1, Side.D, "4000"), line("1500", 2, Side.K, "2500"),
                        line("1500", 3, Side.D, "4100")))
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1500", "1.00"));

        assertThat(voucher.causes()).extracting(DifferenceCause::reason).contains("UNBALANCED_SEQUENCES");
        assertThat(voucher.postable()).isFalse();
    }
}
