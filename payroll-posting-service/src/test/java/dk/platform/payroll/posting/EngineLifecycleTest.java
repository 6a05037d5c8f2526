package dk.platform.payroll.posting;

import org.junit.jupiter.api.Test;

import static dk.platform.payroll.posting.PostingFixture.employee;
import static dk.platform.payroll.posting.PostingFixture.money;
import static dk.platform.payroll.posting.PostingFixture.pay;
import static dk.platform.payroll.posting.PostingFixture.signedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One engine posts one run: finish() ends it and can be asked again without posting anything twice. */
class EngineLifecycleTest {

    @Test
    void finishingTwiceAnswersTheSameVoucherAndMovesNegativeNetPayOnce() {
        PostingFixture fixture = new PostingFixture().chart(NegativeNetPayTest.chartWith9994()).employee(employee("E1"));
        PostingEngine engine = fixture.engine();
        engine.post(pay("E1", "1100", "800.00"));
        engine.post(pay("E1", "8000", "4000.00"));
        engine.post(pay("E1", "9991", "-3200.00"));

        Voucher first = engine.finish();
        Voucher second = engine.finish();

        assertThat(second).isEqualTo(first);
        assertThat(signedOn(second, NegativeNetPayTest.NET_PAY_ACCOUNT)).isEqualTo(money("0.00"));
        assertThat(signedOn(second, NegativeNetPayTest.NEGATIVE_PAY_ACCOUNT)).isEqualTo(money("3200.00"));
        assertThat(fixture.spec).filteredOn(r -> r.wageType().equals("9994")).hasSize(2);
    }

    @Test
    void aLinePostedAfterFinishIsRefused() {
        PostingFixture fixture = new PostingFixture().chart(DifferenceTest.chartWithout1200()).employee(employee("E1"));
        PostingEngine engine = fixture.engine();
        engine.post(pay("E1", "1100", "1.00"));
        engine.finish();

        assertThatThrownBy(() -> engine.post(pay("E1", "9991", "1.00")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("finish");
    }

    @Test
    void anEmptyRunIsAnEmptyBalancedVoucher() {
        Voucher voucher = new PostingFixture().chart(DifferenceTest.chartWithout1200()).run();

        assertThat(voucher.lines()).isEmpty();
        assertThat(voucher.runLines()).isZero();
        assertThat(voucher.employees()).isZero();
        assertThat(voucher.charts()).isEmpty();
        assertThat(voucher.postable()).isTrue();
    }
}
