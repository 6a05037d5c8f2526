package dk.platform.settlement.statement.web;

import dk.platform.ledger.api.Money;
import dk.platform.settlement.statement.Check;
import dk.platform.settlement.statement.SettlementAccounts;
import dk.platform.settlement.statement.Statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /api/settlements} (SPEC §7); an account left out takes the configured default. */
record StatementRequest(String statementId, String party, String openItemId, LocalDate settlementDate, String cashAccount,
                        Money bankAmount, List<FeeRequest> fees, List<RejectedRequest> rejected, DifferenceRequest difference) {

    record FeeRequest(String text, Money amount, String account, String lineId) {
    }

    record RejectedRequest(String lineId, String reference, Money amount, String account) {
    }

    record DifferenceRequest(Money amount, String account) {
    }

    Statement toStatement(SettlementAccounts defaults) {
        List<Statement.Fee> feeList = new ArrayList<>();
        for (int i = 0; i < (fees == null ? 0 : fees.size()); i++) {
            FeeRequest f = fees.get(i);
            String where = "fees[" + i + "]";
            if (f == null) {
                throw new IllegalArgumentException(where + " is empty");
            }
            feeList.add(Check.at(where + ".", () -> new Statement.Fee(f.text(), f.amount(), or(f.account(), defaults.fees()), f.lineId())));
        }
        List<Statement.RejectedBill> bills = new ArrayList<>();
        for (int i = 0; i < (rejected == null ? 0 : rejected.size()); i++) {
            RejectedRequest r = rejected.get(i);
            String where = "rejected[" + i + "]";
            if (r == null) {
                throw new IllegalArgumentException(where + " is empty");
            }
            bills.add(Check.at(where + ".", () -> new Statement.RejectedBill(r.lineId(), r.reference(), r.amount(),
                    or(r.account(), defaults.rejected()))));
        }
        Statement.Difference diff = difference == null ? null : Check.at("difference.",
                () -> new Statement.Difference(difference.amount(), or(difference.account(), defaults.difference())));
        return new Statement(statementId, party, openItemId, settlementDate, cashAccount, bankAmount, feeList, bills, diff);
    }

    /** The account given, or the configured one if it is left out; an empty or blank account is not left out, but wrong (issue 15). */
    static String or(String given, String fallback) {
        return given == null ? fallback : given;
    }
}
