package dk.platform.settlement.statement;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.command.Application;
import dk.platform.settlement.statement.SettlementPlan.PlannedWriteOff;
import dk.platform.settlement.statement.SettlementPlan.Purpose;
import dk.platform.settlement.support.WorkedExample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlannerTest {

    static final OpenItem ITEM = WorkedExample.item();

    @Test
    void theWorkedExamplePlansEveryWriteOffWithIdsFromTheStatementThenTheBank() {
        Assessment assessment = Planner.assess(WorkedExample.statement("RH-2026-04", "46852.75"), ITEM);

        SettlementPlan plan = ((Assessment.Planned) assessment).plan();
        assertThat(plan.writeOffs()).containsExactly(
                new PlannedWriteOff("RH-2026-04-fee-1", Purpose.FEE, null, "Fondsbidrag", "7250", Money.of("412.50"), null),
                new PlannedWriteOff("RH-2026-04-fee-2", Purpose.FEE, null, "Administrationsgebyr", "7250", Money.of("137.25"), null),
                new PlannedWriteOff("RH-2026-04-rej-R-1007", Purpose.REJECTED_BILL, "R-1007", "Afvist regning R-1007", "1190",
                        Money.of("850.00"), "practitioner-B"),
                new PlannedWriteOff("RH-2026-04-diff", Purpose.DIFFERENCE, null, "Difference sygesikring", "3090", Money.of("-2.50"), null));
        assertThat(plan.paymentCommand().paymentId()).isEqualTo("RH-2026-04-bank");
        assertThat(plan.paymentCommand().amount()).isEqualTo(Money.of("46852.75"));
        assertThat(plan.paymentCommand().applications()).containsExactly(new Application("SS-2026-03", null, Money.of("46852.75")));
        assertThat(plan.writeOffCommand(plan.writeOffs().get(2)).postingDate()).isEqualTo(WorkedExample.DATE);
        assertThat(plan.reversalCommand("RH-2026-04-fee-1").reversalId()).isEqualTo("RH-2026-04-fee-1-rev");
    }

    @Test
    void planningTheSameStatementTwiceGivesTheSamePlan() {
        assertThat(WorkedExample.plan("RH-2026-04")).isEqualTo(WorkedExample.plan("RH-2026-04"));
    }

    @Test
    void aBankAmountOffByOneOereIsRejectedWithTheGapAndPlansNothing() {
        Assessment assessment = Planner.assess(WorkedExample.statement("RH-2026-04", "46852.74"), ITEM);

        assertThat(assessment).isInstanceOf(Assessment.Rejected.class);
        Assessment.Rejected rejected = (Assessment.Rejected) assessment;
        assertThat(rejected.gap()).isEqualTo(Money.of("0.01"));
        assertThat(rejected.reason()).contains("differs by 0.01", "46852.75", "nothing is posted");
    }

    @Test
    void theSpecsOffBy5OereVariantIsRejectedWithDiffersBy005() {
        Assessment.Rejected rejected = (Assessment.Rejected) Planner.assess(WorkedExample.statement("RH-2026-04", "46852.70"), ITEM);

        assertThat(rejected.gap()).isEqualTo(Money.of("0.05"));
        assertThat(rejected.reason()).startsWith("the bank amount 46852.70 differs by 0.05 from what remains after fees,"
                + " rejected bills and difference: remaining 48250.00 - fees 549.75 - rejected 850.00 - difference -2.50 = 46852.75");
    }

    @Test
    void aBankPayingMoreThanRemainsIsRejectedWithANegativeGap() {
        Assessment.Rejected rejected = (Assessment.Rejected) Planner.assess(WorkedExample.statement("RH-2026-04", "46852.80"), ITEM);

        assertThat(rejected.gap()).isEqualTo(Money.of("-0.05"));
        assertThat(rejected.reason()).contains("differs by 0.05");
    }

    @Test
    void aStatementCannotSettleAClosedOrCancelledItem() {
        for (OpenItem.Status status : List.of(OpenItem.Status.CLOSED, OpenItem.Status.CANCELLED)) {
            OpenItem item = new OpenItem(ITEM.openItemId(), ITEM.kind(), ITEM.party(), ITEM.amount(), ITEM.remaining(), status, ITEM.lines());
            assertThatThrownBy(() -> Planner.assess(WorkedExample.statement("S", "46852.75"), item))
                    .isInstanceOf(StatementRefused.RuleViolation.class)
                    .hasMessage("open item SS-2026-03 is " + status + "; only an open item can be settled");
        }
    }

    @Test
    void aStatementCannotSettleAnotherPartysItemOrAPayable() {
        OpenItem others = new OpenItem(ITEM.openItemId(), ITEM.kind(), "REGION-S", ITEM.amount(), ITEM.remaining(), ITEM.status(), ITEM.lines());
        assertThatThrownBy(() -> Planner.assess(WorkedExample.statement("S", "46852.75"), others))
                .isInstanceOf(StatementRefused.RuleViolation.class)
                .hasMessage("open item SS-2026-03 belongs to party REGION-S, not to REGION-H");
        OpenItem payable = new OpenItem(ITEM.openItemId(), OpenItemKind.PAYABLE, ITEM.party(), ITEM.amount(), ITEM.remaining(), ITEM.status(), ITEM.lines());
        assertThatThrownBy(() -> Planner.assess(WorkedExample.statement("S", "46852.75"), payable))
                .isInstanceOf(StatementRefused.RuleViolation.class)
                .hasMessageContaining("is PAYABLE");
    }

    @Test
    void aRejectedBillMustNameALineOfTheItem() {
        Statement s = withRejected(new Statement.RejectedBill("practitioner-C", "R-1", Money.of("850.00"), "1190"));
        assertThatThrownBy(() -> Planner.assess(s, ITEM))
                .isInstanceOf(StatementRefused.RuleViolation.class)
                .hasMessage("rejected bill R-1 names line 'practitioner-C', which open item SS-2026-03 does not have;"
                        + " its lines are practitioner-A, practitioner-B");
    }

    @Test
    void rejectedBillsMayNotExceedWhatRemainsOnTheirLine() {
        OpenItem partlyPaid = new OpenItem(ITEM.openItemId(), ITEM.kind(), ITEM.party(), ITEM.amount(), Money.of("30900.00"), ITEM.status(),
                List.of(new OpenItem.Line("practitioner-A", Money.of("30000.00"), Money.of("30000.00")),
                        new OpenItem.Line("practitioner-B", Money.of("18250.00"), Money.of("900.00"))));
        Statement s = withRejected(new Statement.RejectedBill("practitioner-B", "R-1", Money.of("850.00"), "1190"),
                new Statement.RejectedBill("practitioner-B", "R-2", Money.of("50.01"), "1190"));
        assertThatThrownBy(() -> Planner.assess(s, partlyPaid))
                .isInstanceOf(StatementRefused.RuleViolation.class)
                .hasMessage("the rejected bills and fees on line practitioner-B of open item SS-2026-03 total 900.01"
                        + " but only 900.00 remains on it");
    }

    @Test
    void aZeroDifferenceIsNoWriteOff() {
        Statement s = WorkedExample.statement("S", "46850.25");
        Statement noDifference = new Statement(s.statementId(), s.party(), s.openItemId(), s.settlementDate(), s.cashAccount(),
                s.bankAmount(), s.fees(), s.rejected(), new Statement.Difference(Money.ZERO, "3090"));
        SettlementPlan plan = ((Assessment.Planned) Planner.assess(noDifference, ITEM)).plan();
        assertThat(plan.writeOffs()).extracting(PlannedWriteOff::writeOffId).containsExactly("S-fee-1", "S-fee-2", "S-rej-R-1007");
    }

    @Test
    void statementInputIsCheckedField_byField() {
        assertThatThrownBy(() -> WorkedExample.statement("RH 2026", "46852.75"))
                .hasMessage("statementId 'RH 2026' is not well-formed: 1 to 80 of A-Z a-z 0-9 . _ : -, not only dots");
        assertThatThrownBy(() -> WorkedExample.statement("RH", "0.00")).hasMessage("bankAmount must be positive, not 0.00");
        assertThatThrownBy(() -> new Statement.Fee("Fondsbidrag", Money.of("-1.00"), "7250", null))
                .hasMessage("amount must be positive, not -1.00");
        assertThatThrownBy(() -> withRejected(new Statement.RejectedBill("practitioner-B", "R-1", Money.of("1.00"), "1190"),
                new Statement.RejectedBill("practitioner-A", "R-1", Money.of("2.00"), "1190")))
                .hasMessage("rejected bill reference 'R-1' is used twice");
    }

    private static Statement withRejected(Statement.RejectedBill... bills) {
        Statement s = WorkedExample.statement("S", "46852.75");
        return new Statement(s.statementId(), s.party(), s.openItemId(), s.settlementDate(), s.cashAccount(), s.bankAmount(),
                s.fees(), List.of(bills), s.difference());
    }
}
