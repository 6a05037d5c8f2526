package dk.platform.payroll.debt;

import dk.platform.ledger.api.DebtKind;
import dk.platform.ledger.api.Money;
import dk.platform.payroll.posting.Voucher;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DebtPlannerTest {

    static final String NET = "0000000500";

    @Test
    void negativeNetPayRegistersAnAutoDebtAndRaisesRB7050() {
        DebtPlan plan = plan(Set.of("1001"), List.of(negative("1001", "-3200.00", false)), Map.of(), Map.of(), Map.of());

        assertThat(plan.steps()).containsExactly(new DebtPlan.Step("REGISTER", "payroll-R-1001", "payroll-R-1001", "K5", "1001",
                DebtKind.AUTO, m("3200.00"), "0000000650"));
        assertThat(codes(plan)).containsExactly("RB7050 1001 3200.00");
        assertThat(plan.warnings().get(0).message()).isEqualTo("RB7050: employee 1001 of employer K5 owes 3200.00"
                + " (skyldigt beløb, AUTO); it is offset automatically from later payouts (wage type 8561, modregning)");
    }

    @Test
    void aResignedEmployeesNegativeNetPayIsAManualDebtWithRB7061() {
        DebtPlan plan = plan(Set.of("2002"), List.of(negative("2002", "-25000.00", true)), Map.of(), Map.of(), Map.of());

        assertThat(plan.steps()).extracting(DebtPlan.Step::kind).containsExactly(DebtKind.MANUAL);
        assertThat(codes(plan)).containsExactly("RB7061 2002 25000.00");
        assertThat(plan.warnings().get(0).message()).startsWith("RB7061: employee 2002 of employer K5 owes 25000.00"
                + " (skyldigt beløb, MANUAL) from payroll run R; it is not offset automatically");
    }

    @Test
    void aPayoutOffsetsAutoDebtsOldestFirstAsFarAsItGoesAgainstTheNetPayAccount() {
        Map<String, List<OpenDebt>> outstanding = Map.of("1001", List.of(debt("D-OLD", DebtKind.AUTO, "500.00", 1),
                debt("D-NEW", DebtKind.AUTO, "3000.00", 2)));

        DebtPlan plan = plan(Set.of("1001"), List.of(), Map.of("1001", m("2000.00")), Map.of(), outstanding);

        assertThat(plan.steps()).extracting(s -> s.debtId() + " " + s.amount() + " " + s.counterAccount())
                .containsExactly("D-OLD 500.00 " + NET, "D-NEW 1500.00 " + NET);
        assertThat(plan.steps()).extracting(DebtPlan.Step::id).containsExactly("payroll-R-8561-1001-1", "payroll-R-8561-1001-2");
        assertThat(codes(plan)).containsExactly("RB7050 1001 1500.00");
    }

    @Test
    void anotherEmployersDebtOfTheSameEmployeeNumberIsNeitherOffsetNorWarnedAbout() {
        Map<String, List<OpenDebt>> outstanding = Map.of("1001", List.of(debt("K101-D", "K101", DebtKind.AUTO, "800.00", 1),
                debt("K5-D", "K5", DebtKind.AUTO, "3200.00", 2)));

        DebtPlan k5 = plan(Set.of("1001"), List.of(), Map.of("1001", m("2000.00")), Map.of(), outstanding);

        assertThat(k5.steps()).extracting(s -> s.debtId() + " " + s.amount()).containsExactly("K5-D 2000.00");
        assertThat(codes(k5)).containsExactly("RB7050 1001 1200.00");
        DebtPlan k101 = DebtPlanner.plan("R101", "K101", Set.of("1001"), List.of(), e -> m("100.00"), e -> NET, Map.of(), outstanding);
        assertThat(k101.steps()).extracting(s -> s.debtId() + " " + s.employerId() + " " + s.amount())
                .containsExactly("K101-D K101 100.00");
        assertThat(k101.warnings()).extracting(DebtPlan.Warning::message)
                .containsExactly("RB7050: employee 1001 of employer K101 owes 700.00 (skyldigt beløb, AUTO); it is offset"
                        + " automatically from later payouts (wage type 8561, modregning)");
    }

    @Test
    void aPayoutThatClearsTheAutoDebtRaisesNoRB7050() {
        DebtPlan plan = plan(Set.of("1001"), List.of(), Map.of("1001", m("5000.00")), Map.of(),
                Map.of("1001", List.of(debt("D-1", DebtKind.AUTO, "1200.00", 1))));

        assertThat(plan.steps()).extracting(DebtPlan.Step::amount).containsExactly(m("1200.00"));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void aManualDebtIsNotOffsetByAPayoutWithout8561AndThePayoutIsFlagged() {
        DebtPlan plan = plan(Set.of("2002"), List.of(), Map.of("2002", m("100.00")), Map.of(),
                Map.of("2002", List.of(debt("D-2", DebtKind.MANUAL, "25000.00", 1))));

        assertThat(plan.steps()).isEmpty();
        assertThat(codes(plan)).containsExactly("MANUAL_DEBT_NOT_OFFSET 2002 25000.00");
    }

    @Test
    void an8561LineOffsetsAManualDebtButNeverMoreThanIsOutstanding() {
        DebtPlan plan = plan(Set.of("2002"), List.of(), Map.of("2002", m("100.00")), Map.of("2002", m("30000.00")),
                Map.of("2002", List.of(debt("D-2", DebtKind.MANUAL, "25000.00", 1))));

        assertThat(plan.steps()).extracting(s -> s.type() + " " + s.amount()).containsExactly("OFFSET 25000.00");
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void anEmployeeNotInTheRunGetsNoWarningForHisOutstandingDebt() {
        DebtPlan plan = plan(Set.of("3003"), List.of(), Map.of("3003", m("100.00")), Map.of(),
                Map.of("1001", List.of(debt("D-1", DebtKind.AUTO, "1200.00", 1))));

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void negativeNetPayWithoutAnAccountToRegisterTheDebtAgainstBlocksApproval() {
        DebtPlan plan = plan(Set.of("1001"), List.of(new Voucher.NetPay("1001", m("-10.00"), null, false)), Map.of(), Map.of(),
                Map.of());

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.blocking()).extracting(DebtPlan.Warning::code).containsExactly("NO_DEBT_ACCOUNT");
    }

    private static DebtPlan plan(Set<String> inRun, List<Voucher.NetPay> negative, Map<String, Money> netPay,
                                 Map<String, Money> explicit, Map<String, List<OpenDebt>> outstanding) {
        return DebtPlanner.plan("R", "K5", inRun, negative, e -> netPay.getOrDefault(e, Money.ZERO), e -> NET, explicit, outstanding);
    }

    private static Voucher.NetPay negative(String employee, String amount, boolean resigned) {
        return new Voucher.NetPay(employee, m(amount), "0000000650", resigned);
    }

    private static OpenDebt debt(String id, DebtKind kind, String outstanding, int month) {
        return debt(id, "K5", kind, outstanding, month);
    }

    private static OpenDebt debt(String id, String employerId, DebtKind kind, String outstanding, int month) {
        return new OpenDebt(id, employerId, "x", kind, m(outstanding), m(outstanding), LocalDate.of(2026, month, 1), "R0", 0);
    }

    private static List<String> codes(DebtPlan plan) {
        return plan.warnings().stream().map(w -> w.code() + " " + w.employeeNo() + " " + w.amount()).toList();
    }

    private static Money m(String amount) {
        return Money.of(amount);
    }
}
