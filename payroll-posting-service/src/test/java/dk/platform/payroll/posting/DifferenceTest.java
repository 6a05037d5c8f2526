package dk.platform.payroll.posting;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.chart.Chart;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dk.platform.payroll.posting.PostingFixture.chart;
import static dk.platform.payroll.posting.PostingFixture.credit;
import static dk.platform.payroll.posting.PostingFixture.debit;
import static dk.platform.payroll.posting.PostingFixture.employee;
import static dk.platform.payroll.posting.PostingFixture.money;
import static dk.platform.payroll.posting.PostingFixture.pay;
import static org.assertj.core.api.Assertions.assertThat;

/** The difference (SPEC §4.2): a wage type missing from the chart unbalances the voucher; the causes name who and what. */
class DifferenceTest {

    static Chart chartWithout1200() {
        return chart("A1", debit("1100", "5000"), credit("9991", "2000"));
    }

    @Test
    void aBalancedRunIsPostable() {
        PostingFixture fixture = new PostingFixture().chart(chartWithout1200()).employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1100", "1300.00"), pay("E1", "9991", "1300.00"));

        assertThat(voucher.difference()).isEqualTo(Money.ZERO);
        assertThat(voucher.causes()).isEmpty();
        assertThat(voucher.postable()).isTrue();
        assertThat(voucher.runLines()).isEqualTo(2);
        assertThat(voucher.employees()).isEqualTo(1);
    }

    @Test
    void aWageTypeMissingFromTheChartIsACauseNamingTheWageTypeTheChartAndTheEmployee() {
        PostingFixture fixture = new PostingFixture().chart(chartWithout1200()).employee(employee("E1")).employee(employee("E2"));

        Voucher voucher = fixture.run(pay("E1", "1100", "800.00"), pay("E1", "1200", "500.00"), pay("E1", "9991", "1300.00"),
                pay("E2", "1100", "100.00"), pay("E2", "9991", "100.00"));

        assertThat(voucher.causes()).singleElement().satisfies(cause -> {
            assertThat(cause.reason()).isEqualTo("NOT_IN_CHART");
            assertThat(cause.wageType()).isEqualTo("1200");
            assertThat(cause.chart()).isEqualTo("A1");
            assertThat(cause.employees()).containsExactly("E1");
            assertThat(cause.employeeCount()).isEqualTo(1);
            assertThat(cause.amount()).isEqualTo(money("500.00"));
            assertThat(cause.detail()).contains("1200", "A1");
        });
        assertThat(voucher.difference()).isEqualTo(money("-500.00"));
        assertThat(voucher.voucherTotals().balanced()).isFalse();
        assertThat(voucher.postable()).isFalse();
        assertThat(fixture.specOf("E1")).filteredOn(r -> r.wageType().equals("1200")).singleElement().satisfies(row -> {
            assertThat(row.note()).startsWith("NOT IN CHART");
            assertThat(row.chart()).isEqualTo("A1");
            assertThat(row.chartLineNo()).isNull();
            assertThat(row.account()).isNull();
            assertThat(row.amount()).isEqualTo(money("500.00"));
        });
    }

    @Test
    void theCauseSumsTheMissingAmountsOfAllItsEmployees() {
        PostingFixture fixture = new PostingFixture().chart(chartWithout1200()).employee(employee("E1")).employee(employee("E2"));

        Voucher voucher = fixture.run(pay("E1", "1200", "500.00"), pay("E2", "1200", "0.25"), pay("E1", "1200", "1.00"));

        assertThat(voucher.causes()).singleElement().satisfies(cause -> {
            assertThat(cause.amount()).isEqualTo(money("501.25"));
            assertThat(cause.employeeCount()).isEqualTo(2);
            assertThat(cause.employees()).containsExactly("E1", "E2");
        });
    }

    @Test
    void moreThanTwentyEmployeesAreCountedAndTheFirstTwentyNamed() {
        PostingFixture fixture = new PostingFixture().chart(chartWithout1200());
        List<RunLine> run = new ArrayList<>();
        List<String> numbers = IntStream.rangeClosed(1, 25).mapToObj(i -> String.format("E%02d", i)).toList();
        for (String no : numbers) {
            fixture.employee(employee(no));
            run.add(pay(no, "1100", "100.00"));
            run.add(pay(no, "1200", "10.00"));
            run.add(pay(no, "9991", "110.00"));
        }

        Voucher voucher = fixture.run(run);

        assertThat(voucher.causes()).singleElement().satisfies(cause -> {
            assertThat(cause.employeeCount()).isEqualTo(25);
            assertThat(cause.employees()).hasSize(DifferenceCause.NAMED).containsExactlyElementsOf(numbers.subList(0, 20));
            assertThat(cause.amount()).isEqualTo(money("250.00"));
        });
        assertThat(voucher.difference()).isEqualTo(money("-250.00"));
        assertThat(voucher.employees()).isEqualTo(25);
        assertThat(voucher.runLines()).isEqualTo(75);
    }

    @Test
    void anUnknownEmployeeIsACauseAndNothingOfHisIsPosted() {
        PostingFixture fixture = new PostingFixture().chart(chartWithout1200()).employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"), pay("X9", "1100", "5.00"));

        assertThat(voucher.causes()).singleElement().satisfies(cause -> {
            assertThat(cause.reason()).isEqualTo("UNKNOWN_EMPLOYEE");
            assertThat(cause.employees()).containsExactly("X9");
            assertThat(cause.amount()).isEqualTo(money("5.00"));
        });
        assertThat(voucher.employees()).isEqualTo(1);
        assertThat(voucher.postable()).isFalse();
    }

    @Test
    void whatWasLeftOffIsTheRealDifferenceOfAVoucherThatBalancesWithoutItAndItsCauseSaysSoInWords() {
        PostingFixture fixture = new PostingFixture().chart(chartWithout1200()).employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "100.00"), pay("X9", "1100", "5.00"));

        assertThat(voucher.difference()).isEqualTo(Money.ZERO);
        assertThat(voucher.realDifference()).isEqualTo(money("5.00"));
        assertThat(voucher.causes().get(0).describe()).isEqualTo("wage type 1100 of an employee not registered with the"
                + " employer (ukendt medarbejder): 5.00, employee X9 [UNKNOWN_EMPLOYEE]");
    }

    @Test
    void amountsThatDoNotBalanceUnderACompleteChartAreNamedAsSuch() {
        PostingFixture fixture = new PostingFixture().chart(chartWithout1200()).employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1100", "100.00"), pay("E1", "9991", "99.00"));

        assertThat(voucher.difference()).isEqualTo(money("1.00"));
        assertThat(voucher.causes()).singleElement().satisfies(cause -> {
            assertThat(cause.reason()).isEqualTo("AMOUNTS");
            assertThat(cause.amount()).isEqualTo(money("1.00"));
        });
        assertThat(voucher.postable()).isFalse();
    }
}
