package dk.platform.payroll.posting;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.payroll.chart.Chart;
import dk.platform.payroll.chart.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.platform.payroll.posting.PostingFixture.chart;
import static dk.platform.payroll.posting.PostingFixture.credit;
import static dk.platform.payroll.posting.PostingFixture.debit;
import static dk.platform.payroll.posting.PostingFixture.employee;
import static dk.platform.payroll.posting.PostingFixture.line;
import static dk.platform.payroll.posting.PostingFixture.linesOn;
import static dk.platform.payroll.posting.PostingFixture.money;
import static dk.platform.payroll.posting.PostingFixture.pay;
import static dk.platform.payroll.posting.PostingFixture.signedOn;
import static dk.platform.payroll.posting.PostingFixture.specSignedOn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Negative net pay (SPEC §4.3): posted on 9991 unless the chart has 9994, which then takes it:
 * D on the 9991 account, K on the negative-pay account, so the negative-pay account is debited.
 */
class NegativeNetPayTest {

    static final String NET_PAY_ACCOUNT = "2000";
    static final String NEGATIVE_PAY_ACCOUNT = "6150";

    static Chart chartWith9994() {
        return chart("A1", debit("1100", "5000"), credit("8000", "2100"), credit("9991", NET_PAY_ACCOUNT),
                line("9994", 1, Side.D, NET_PAY_ACCOUNT), line("9994", 2, Side.K, NEGATIVE_PAY_ACCOUNT));
    }

    static Chart chartWithout9994() {
        return chart("A1", debit("1100", "5000"), credit("8000", "2100"), credit("9991", NET_PAY_ACCOUNT));
    }

    /** E1: salary 800.00, deduction 4000.00, net pay -3200.00. */
    static List<RunLine> e1NegativeAndE2Positive() {
        return List.of(pay("E1", "1100", "800.00"), pay("E1", "8000", "4000.00"), pay("E1", "9991", "-3200.00"),
                pay("E2", "1100", "1000.00"), pay("E2", "9991", "1000.00"));
    }

    @Test
    void withTheChartsWageType9994TheNegativePayAccountIsDebitedAndTheNetPayAccountNetsToZeroForHim() {
        PostingFixture fixture = new PostingFixture().chart(chartWith9994()).employee(employee("E1")).employee(employee("E2"));

        Voucher voucher = fixture.run(e1NegativeAndE2Positive());

        assertThat(specSignedOn(fixture.specOf("E1"), NET_PAY_ACCOUNT)).isEqualTo(Money.ZERO);
        assertThat(specSignedOn(fixture.specOf("E2"), NET_PAY_ACCOUNT)).isEqualTo(money("-1000.00"));
        assertThat(signedOn(voucher, NEGATIVE_PAY_ACCOUNT)).isEqualTo(money("3200.00"));
        assertThat(signedOn(voucher, NET_PAY_ACCOUNT)).as("only E2's net pay").isEqualTo(money("-1000.00"));
        assertThat(voucher.negativeNetPay()).containsExactly(new Voucher.NetPay("E1", money("-3200.00"), NEGATIVE_PAY_ACCOUNT, false));
        assertThat(voucher.difference()).isEqualTo(Money.ZERO);
        assertThat(voucher.causes()).isEmpty();
        assertThat(voucher.postable()).isTrue();
        assertThat(fixture.specOf("E1")).filteredOn(r -> r.wageType().equals("9994")).hasSize(2)
                .allSatisfy(r -> assertThat(r.amount()).isEqualTo(money("-3200.00")));
        assertThat(fixture.specOf("E2")).extracting(SpecRow::wageType).doesNotContain("9994");
        assertThat(voucher.centralPostings()).contains(new PostingLine(NEGATIVE_PAY_ACCOUNT, money("3200.00"), null));
    }

    @Test
    void theNetPayIsTheEmployeesTotalOverAllHis9991Lines() {
        PostingFixture fixture = new PostingFixture().chart(chartWith9994()).employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1100", "800.00"), pay("E1", "8000", "4000.00"),
                pay("E1", "9991", "-4000.00"), pay("E1", "9991", "800.00"));

        assertThat(voucher.negativeNetPay()).containsExactly(new Voucher.NetPay("E1", money("-3200.00"), NEGATIVE_PAY_ACCOUNT, false));
        assertThat(signedOn(voucher, NEGATIVE_PAY_ACCOUNT)).isEqualTo(money("3200.00"));
        assertThat(signedOn(voucher, NET_PAY_ACCOUNT)).isEqualTo(Money.ZERO);
        assertThat(voucher.centralPostings()).extracting(PostingLine::account).doesNotContain(NET_PAY_ACCOUNT);
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void aNetPayOfZeroOrMoreIsNotMoved() {
        PostingFixture fixture = new PostingFixture().chart(chartWith9994()).employee(employee("E1"));

        Voucher voucher = fixture.run(pay("E1", "1100", "800.00"), pay("E1", "8000", "800.00"), pay("E1", "9991", "0.00"));

        assertThat(voucher.negativeNetPay()).isEmpty();
        assertThat(linesOn(voucher, NEGATIVE_PAY_ACCOUNT)).isEmpty();
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void withoutWageType9994TheNetPayAccountIsSimplyDebited() {
        PostingFixture fixture = new PostingFixture().chart(chartWithout9994()).employee(employee("E1")).employee(employee("E2"));

        Voucher voucher = fixture.run(e1NegativeAndE2Positive());

        assertThat(specSignedOn(fixture.specOf("E1"), NET_PAY_ACCOUNT)).isEqualTo(money("3200.00"));
        assertThat(linesOn(voucher, NEGATIVE_PAY_ACCOUNT)).isEmpty();
        assertThat(fixture.spec).extracting(SpecRow::wageType).doesNotContain("9994");
        assertThat(voucher.negativeNetPay()).containsExactly(new Voucher.NetPay("E1", money("-3200.00"), NET_PAY_ACCOUNT, false));
        assertThat(voucher.postable()).isTrue();
    }

    @Test
    void only9994InTheEmployeesOwnChartMovesHisNegativeNetPay() {
        PostingFixture fixture = new PostingFixture().chart(chartWithout9994())
                .chart(chart("B1", debit("1100", "5000"), credit("8000", "2100"), credit("9991", NET_PAY_ACCOUNT),
                        line("9994", 1, Side.D, NET_PAY_ACCOUNT), line("9994", 1, Side.K, "6151")))
                .employee(employee("E1"))
                .employee(employee("E3").deviatingChart("B1"));

        Voucher voucher = fixture.run(pay("E1", "1100", "0.00"), pay("E1", "8000", "100.00"), pay("E1", "9991", "-100.00"),
                pay("E3", "1100", "0.00"), pay("E3", "8000", "50.00"), pay("E3", "9991", "-50.00"));

        assertThat(signedOn(voucher, "6151")).isEqualTo(money("50.00"));
        assertThat(signedOn(voucher, NET_PAY_ACCOUNT)).as("E1's, not moved").isEqualTo(money("100.00"));
        assertThat(voucher.negativeNetPay()).extracting(Voucher.NetPay::employeeNo).containsExactly("E1", "E3");
        assertThat(voucher.postable()).isTrue();
    }
}
