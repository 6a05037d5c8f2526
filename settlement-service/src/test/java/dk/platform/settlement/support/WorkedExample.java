package dk.platform.settlement.support;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.settlement.statement.Assessment;
import dk.platform.settlement.statement.OpenItem;
import dk.platform.settlement.statement.Planner;
import dk.platform.settlement.statement.SettlementPlan;
import dk.platform.settlement.statement.Statement;

import java.time.LocalDate;
import java.util.List;

/**
 * SPEC §3's worked example: item SS-2026-03 of REGION-H, 48 250.00 on practitioner-A 30 000.00
 * and practitioner-B 18 250.00; fees 412.50 + 137.25 (7250), rejected bill R-1007 of B 850.00
 * (1190), difference -2.50 (3090), bank 46 852.75 (5820).
 */
public final class WorkedExample {

    public static final String ITEM = "SS-2026-03";
    public static final String PARTY = "REGION-H";
    public static final LocalDate DATE = LocalDate.of(2026, 4, 20);

    private WorkedExample() {
    }

    public static Statement statement(String statementId, String bankAmount) {
        return new Statement(statementId, PARTY, ITEM, DATE, "5820", Money.of(bankAmount),
                List.of(new Statement.Fee("Fondsbidrag", Money.of("412.50"), "7250", null),
                        new Statement.Fee("Administrationsgebyr", Money.of("137.25"), "7250", null)),
                List.of(new Statement.RejectedBill("practitioner-B", "R-1007", Money.of("850.00"), "1190")),
                new Statement.Difference(Money.of("-2.50"), "3090"));
    }

    public static OpenItem item() {
        return new OpenItem(ITEM, OpenItemKind.RECEIVABLE, PARTY, Money.of("48250.00"), Money.of("48250.00"), OpenItem.Status.OPEN,
                List.of(new OpenItem.Line("practitioner-A", Money.of("30000.00"), Money.of("30000.00")),
                        new OpenItem.Line("practitioner-B", Money.of("18250.00"), Money.of("18250.00"))));
    }

    public static SettlementPlan plan(String statementId) {
        return ((Assessment.Planned) Planner.assess(statement(statementId, "46852.75"), item())).plan();
    }
}
