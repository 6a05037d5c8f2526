package dk.platform.settlement.statement;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.settlement.statement.SettlementPlan.PlannedPayment;
import dk.platform.settlement.statement.SettlementPlan.PlannedWriteOff;
import dk.platform.settlement.statement.SettlementPlan.Purpose;
import dk.platform.settlement.statement.Statement.Fee;
import dk.platform.settlement.statement.Statement.RejectedBill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a statement against its open item before anything is posted (SPEC §3 step 1) and plans
 * the postings: costs and deviations first, the bank last, and the bank must then equal what
 * remains, to the øre.
 */
public final class Planner {

    static final String REJECTED_TEXT = "Afvist regning ";
    static final String DIFFERENCE_TEXT = "Difference sygesikring";
    static final String PAYMENT_TEXT = "Afregning sygesikring ";

    private Planner() {
    }

    /**
     * @throws StatementRefused.RuleViolation when the item cannot be settled by this statement at all
     */
    public static Assessment assess(Statement s, OpenItem item) {
        checkItem(s, item);
        checkLines(s, item);
        Money expected = item.remaining().minus(s.totalFees()).minus(s.totalRejected()).minus(s.differenceAmount());
        Money gap = expected.minus(s.bankAmount());
        if (!gap.isZero()) {
            return new Assessment.Rejected(gap, "the bank amount " + s.bankAmount() + " differs by " + gap.abs()
                    + " from what remains after fees, rejected bills and difference: remaining " + item.remaining()
                    + " - fees " + s.totalFees() + " - rejected " + s.totalRejected() + " - difference " + s.differenceAmount()
                    + " = " + expected + "; nothing is posted");
        }
        return new Assessment.Planned(plan(s));
    }

    static SettlementPlan plan(Statement s) {
        String id = s.statementId();
        List<PlannedWriteOff> writeOffs = new ArrayList<>();
        for (int i = 0; i < s.fees().size(); i++) {
            Fee fee = s.fees().get(i);
            writeOffs.add(new PlannedWriteOff(SettlementPlan.feeId(id, i + 1), Purpose.FEE, null, fee.text(), fee.account(),
                    fee.amount(), fee.lineId()));
        }
        for (RejectedBill bill : s.rejected()) {
            writeOffs.add(new PlannedWriteOff(SettlementPlan.rejectedId(id, bill.reference()), Purpose.REJECTED_BILL,
                    bill.reference(), REJECTED_TEXT + bill.reference(), bill.account(), bill.amount(), bill.lineId()));
        }
        if (s.difference() != null && !s.difference().amount().isZero()) {
            writeOffs.add(new PlannedWriteOff(SettlementPlan.differenceId(id), Purpose.DIFFERENCE, null, DIFFERENCE_TEXT,
                    s.difference().account(), s.difference().amount(), null));
        }
        return new SettlementPlan(id, s.openItemId(), s.party(), s.settlementDate(), writeOffs,
                new PlannedPayment(SettlementPlan.paymentId(id), s.cashAccount(), s.bankAmount(), PAYMENT_TEXT + id));
    }

    private static void checkItem(Statement s, OpenItem item) {
        if (item.kind() != OpenItemKind.RECEIVABLE) {
            throw new StatementRefused.RuleViolation("open item " + item.openItemId() + " is " + item.kind()
                    + "; a settlement statement settles a receivable");
        }
        if (item.status() != OpenItem.Status.OPEN) {
            throw new StatementRefused.RuleViolation("open item " + item.openItemId() + " is " + item.status()
                    + "; only an open item can be settled");
        }
        if (!item.party().equals(s.party())) {
            throw new StatementRefused.RuleViolation("open item " + item.openItemId() + " belongs to party " + item.party()
                    + ", not to " + s.party());
        }
        if (!item.remaining().isPositive()) {
            throw new StatementRefused.RuleViolation("open item " + item.openItemId() + " has " + item.remaining()
                    + " remaining; there is nothing to settle");
        }
    }

    /** Rejected bills (and fees put on a line) must name lines of the item and fit in what remains on them. */
    private static void checkLines(Statement s, OpenItem item) {
        Map<String, Money> taken = new LinkedHashMap<>();
        for (int i = 0; i < s.rejected().size(); i++) {
            RejectedBill bill = s.rejected().get(i);
            requireLine(item, bill.lineId(), "rejected bill " + bill.reference());
            taken.merge(bill.lineId(), bill.amount(), Money::plus);
        }
        for (int i = 0; i < s.fees().size(); i++) {
            Fee fee = s.fees().get(i);
            if (fee.lineId() != null) {
                requireLine(item, fee.lineId(), "fee " + InputRules.quote(fee.text()) + "");
                taken.merge(fee.lineId(), fee.amount(), Money::plus);
            }
        }
        taken.forEach((lineId, sum) -> {
            Money remaining = item.line(lineId).orElseThrow().remaining();
            if (sum.compareTo(remaining) > 0) {
                throw new StatementRefused.RuleViolation("the rejected bills and fees on line " + lineId + " of open item "
                        + item.openItemId() + " total " + sum + " but only " + remaining + " remains on it");
            }
        });
    }

    private static void requireLine(OpenItem item, String lineId, String what) {
        if (item.line(lineId).isEmpty()) {
            throw new StatementRefused.RuleViolation(what + " names line " + InputRules.quote(lineId) + ", which open item " + item.openItemId()
                    + (item.lines().isEmpty() ? " does not have (it has no lines)"
                    : " does not have; its lines are " + item.lines().stream().map(OpenItem.Line::lineId)
                    .collect(Collectors.joining(", "))));
        }
    }
}
