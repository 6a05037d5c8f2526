package dk.platform.payroll.posting;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.payroll.chart.Side;
import dk.platform.payroll.chart.Usage;
import dk.platform.payroll.setup.Field;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dk.platform.payroll.posting.PostingFixture.chart;
import static dk.platform.payroll.posting.PostingFixture.credit;
import static dk.platform.payroll.posting.PostingFixture.debit;
import static dk.platform.payroll.posting.PostingFixture.employee;
import static dk.platform.payroll.posting.PostingFixture.line;
import static dk.platform.payroll.posting.PostingFixture.linesOn;
import static dk.platform.payroll.posting.PostingFixture.money;
import static dk.platform.payroll.posting.PostingFixture.pay;
import static org.assertj.core.api.Assertions.assertThat;

/** The voucher's lines (SPEC §4.1 usage, §4.2 sorting code, totals first, sums per key) and its ledger postings. */
class VoucherShapeTest {

    @Test
    void eachOutputCarriesOnlyTheLinesWhoseUsageNamesIt() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("1100", "5000"), credit("9991", "2000"),
                        line("3000", 1, Side.D, "0120").usage(Usage.VOUCHER),
                        line("3000", 2, Side.K, "0180").usage(Usage.VOUCHER),
                        line("8000", 1, Side.D, "7000").usage(Usage.CENTRAL),
                        line("8000", 2, Side.K, "7001").usage(Usage.CENTRAL),
                        line("7777", 1, Side.D, "7100").usage(Usage.SPREADSHEET),
                        line("7777", 2, Side.K, "7101").usage(Usage.SPREADSHEET)))
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1100", "1000.00"), pay("E1", "9991", "1000.00"), pay("E1", "3000", "50.00"),
                pay("E1", "8000", "20.00"), pay("E1", "7777", "5.00"));

        assertThat(voucher.voucherTotals()).isEqualTo(new Totals(money("1050.00"), money("1050.00")));
        assertThat(voucher.spreadsheetTotals()).isEqualTo(new Totals(money("1055.00"), money("1055.00")));
        assertThat(voucher.centralTotals()).isEqualTo(new Totals(money("1020.00"), money("1020.00")));
        assertThat(voucher.centralPostings()).extracting(PostingLine::account)
                .containsExactly("2000", "5000", "7000", "7001");
        assertThat(voucher.centralPostings()).contains(new PostingLine("7001", null, money("20.00")));
        assertThat(voucher.lines()).extracting(VoucherLine::account).contains("0120", "0180", "7100", "7101");
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void linesWithBlankOrConstantFieldsAreTotalsAndComeFirst() {
        PostingFixture fixture = new PostingFixture()
                .sortBy(Field.DEPARTMENT, Field.ACCOUNT)
                .chart(chart("A1", debit("1100", "5000").dept("ANS"), credit("8619", "1180").dept("9999").text("Skyldig AM"),
                        credit("9991", "2000")))
                .employee(employee("E1").dept("1010"))
                .employee(employee("E2").dept("2020"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "8619", "8.00"), pay("E1", "9991", "92.00"),
                pay("E2", "1100", "200.00"), pay("E2", "8619", "16.00"), pay("E2", "9991", "184.00"));

        assertThat(voucher.lines()).extracting(VoucherLine::total).containsExactly(true, true, false, false);
        assertThat(voucher.lines()).extracting(VoucherLine::account).containsExactly("2000", "1180", "5000", "5000");
        assertThat(voucher.lines().get(0).values()).as("a blank department is not on the voucher")
                .isEqualTo(Arrays.asList(null, "2000"));
        assertThat(voucher.lines().get(1).values()).containsExactly("9999", "1180");
        assertThat(voucher.lines().get(1).credit()).as("one total for both employees").isEqualTo(money("24.00"));
        assertThat(voucher.lines().get(2).values()).containsExactly("1010", "5000");
        assertThat(voucher.lines().get(3).values()).containsExactly("2020", "5000");
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void aFieldIsOnTheVoucherOnlyIfItIsInTheSortingCodeAndSetOnTheChartLine() {
        PostingFixture fixture = new PostingFixture()
                .sortBy(Field.PAYOUT_PLACE)
                .chart(chart("A1", debit("1100", "5000").dept("ANS"), credit("9991", "2000").payout("ANS")))
                .employee(employee("E1").dept("1010").payout("P1"))
                .employee(employee("E2").dept("2020").payout("P2"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"),
                pay("E2", "1100", "200.00"), pay("E2", "9991", "200.00"));

        assertThat(linesOn(voucher, "5000")).as("department not in the sorting code: one total").singleElement()
                .satisfies(l -> {
                    assertThat(l.values()).isEqualTo(Arrays.asList((String) null));
                    assertThat(l.total()).isTrue();
                    assertThat(l.debit()).isEqualTo(money("300.00"));
                });
        assertThat(linesOn(voucher, "2000")).extracting(VoucherLine::values)
                .containsExactly(List.of("P1"), List.of("P2"));
    }

    @Test
    void postingsWithTheSameTextValuesAndAccountAreSummedIntoOneLine() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("1100", "5000").dept("ANS"), debit("1101", "5000").dept("ANS"),
                        debit("1102", "5000").dept("ANS").text("Tillæg"), credit("9991", "2000")))
                .employee(employee("E1").dept("1010"))
                .employee(employee("E2").dept("1010"))
                .employee(employee("E3").dept("2020"));
        fixture.wageTypeTexts.put("1101", "Månedsløn");

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E2", "1100", "200.00"), pay("E3", "1100", "400.00"),
                pay("E1", "1101", "1.00"), pay("E1", "1102", "7.00"), pay("E1", "9991", "108.00"),
                pay("E2", "9991", "200.00"), pay("E3", "9991", "400.00"));

        assertThat(linesOn(voucher, "5000")).extracting(l -> l.values().get(0), VoucherLine::text, VoucherLine::debit)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1010", "Månedsløn", money("301.00")),
                        org.assertj.core.groups.Tuple.tuple("1010", "Tillæg", money("7.00")),
                        org.assertj.core.groups.Tuple.tuple("2020", "Månedsløn", money("400.00")));
        assertThat(linesOn(voucher, "2000")).singleElement().satisfies(l -> {
            assertThat(l.credit()).isEqualTo(money("708.00"));
            assertThat(l.text()).isEqualTo("Nettoløn");
        });
    }

    @Test
    void aWageTypeWithoutATextIsShownByItsCode() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("4711", "5000"), credit("9991", "2000")))
                .employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "4711", "1.00"), pay("E1", "9991", "1.00"));

        assertThat(linesOn(voucher, "5000")).extracting(VoucherLine::text).containsExactly("4711");
    }

    @Test
    void theEmployeeNumberSplitsLinesOnlyWhenTheChartLineAsksForIt() {
        PostingFixture fixture = new PostingFixture()
                .sortBy(Field.EMPLOYEE_NO)
                .chart(chart("A1", debit("1100", "5000"), credit("9991", "2000").withEmployeeNo()))
                .employee(employee("E1"))
                .employee(employee("E2"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E2", "1100", "200.00"),
                pay("E1", "9991", "100.00"), pay("E2", "9991", "200.00"));

        assertThat(linesOn(voucher, "5000")).singleElement().satisfies(l -> assertThat(l.total()).isTrue());
        assertThat(linesOn(voucher, "2000")).extracting(l -> l.values().get(0), VoucherLine::credit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E1", money("100.00")),
                        org.assertj.core.groups.Tuple.tuple("E2", money("200.00")));
    }

    @Test
    void aLineWhoseSumIsZeroIsLeftOut() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("1100", "5000"), credit("9991", "2000")))
                .employee(employee("E1"))
                .employee(employee("E2"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E2", "1100", "-100.00"),
                pay("E1", "9991", "100.00"), pay("E2", "9991", "-100.00"));

        assertThat(voucher.lines()).isEmpty();
        assertThat(voucher.postable()).isTrue();
        assertThat(voucher.centralPostings()).isEmpty();
    }

    @Test
    void centralPostingsNetEachAccountAcrossTextsAndValues() {
        PostingFixture fixture = new PostingFixture()
                .chart(chart("A1", debit("1100", "5000").dept("ANS"), debit("8100", "2000").text("Forskud modregnet"),
                        credit("9991", "2000")))
                .employee(employee("E1").dept("1010"))
                .employee(employee("E2").dept("2020"));

        Voucher voucher = fixture.run(pay("E1", "1100", "1000.00"), pay("E2", "1100", "500.00"),
                pay("E1", "8100", "300.00"), pay("E1", "9991", "1300.00"), pay("E2", "9991", "500.00"));

        assertThat(linesOn(voucher, "2000")).hasSize(2);
        assertThat(voucher.centralPostings()).containsExactly(
                new PostingLine("2000", null, money("1500.00")),
                new PostingLine("5000", money("1500.00"), null));
        assertThat(voucher.centralPostings().stream().map(PostingLine::signedAmount).reduce(Money.ZERO, Money::plus))
                .isEqualTo(Money.ZERO);
    }

    @Test
    void theVoucherCarriesTheSortingCode() {
        PostingFixture fixture = new PostingFixture()
                .sortBy(Field.DEPARTMENT, Field.OPTIONAL1)
                .chart(chart("A1", debit("1100", "5000").dept("ANS").optional(1, "ANS"), credit("9991", "2000")))
                .employee(employee("E1").dept("1010").optional1("PRJ"));

        Voucher voucher = fixture.run(pay("E1", "1100", "1.00"), pay("E1", "9991", "1.00"));

        assertThat(voucher.sortingCode()).isEqualTo("S1");
        assertThat(voucher.fields()).containsExactly(Field.DEPARTMENT, Field.OPTIONAL1);
        assertThat(linesOn(voucher, "5000")).singleElement()
                .satisfies(l -> assertThat(l.values()).containsExactly("1010", "PRJ"));
    }
}
