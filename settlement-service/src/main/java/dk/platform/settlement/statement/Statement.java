package dk.platform.settlement.statement;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.Money;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An insurer's settlement statement (SPEC §3) with every account resolved: what the insurer paid
 * into {@code cashAccount} on {@code settlementDate} for open item {@code openItemId}, and why it
 * is less (or more) than the item: fees, rejected bills and the price difference.
 */
public record Statement(String statementId, String party, String openItemId, LocalDate settlementDate, String cashAccount,
                        Money bankAmount, List<Fee> fees, List<RejectedBill> rejected, Difference difference) {

    public Statement {
        Check.id(statementId, "statementId", Check.MAX_STATEMENT_ID);
        Check.name(party, "party");
        Check.id(openItemId, "openItemId", Check.MAX_ID);
        Check.required(settlementDate, "settlementDate");
        Check.account(cashAccount, "cashAccount");
        Check.positive(bankAmount, "bankAmount");
        fees = fees == null ? List.of() : List.copyOf(fees);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        Set<String> references = new HashSet<>();
        for (RejectedBill bill : rejected) {
            if (!references.add(bill.reference())) {
                throw new IllegalArgumentException("rejected bill reference " + InputRules.quote(bill.reference()) + " is used twice");
            }
        }
    }

    public Money totalFees() {
        return fees.stream().map(Fee::amount).reduce(Money.ZERO, Money::plus);
    }

    public Money totalRejected() {
        return rejected.stream().map(RejectedBill::amount).reduce(Money.ZERO, Money::plus);
    }

    public Money differenceAmount() {
        return difference == null ? Money.ZERO : difference.amount();
    }

    /** An administration fee (administrationsgebyr, fondsbidrag, ...), optionally on one practitioner line. */
    public record Fee(String text, Money amount, String account, String lineId) {
        public Fee {
            Check.text(text, "text");
            Check.positive(amount, "amount");
            Check.account(account, "account");
            Check.optionalId(lineId, "lineId");
        }
    }

    /** A bill the insurer did not pay: written off the practitioner's line to "Ej afregnet sygesikring". */
    public record RejectedBill(String lineId, String reference, Money amount, String account) {
        public RejectedBill {
            Check.id(lineId, "lineId", Check.MAX_ID);
            Check.id(reference, "reference", Check.MAX_REFERENCE);
            Check.positive(amount, "amount");
            Check.account(account, "account");
        }
    }

    /** What the clinic claimed minus what the insurer accepted; negative when the insurer paid more. */
    public record Difference(Money amount, String account) {
        public Difference {
            Check.required(amount, "amount");
            Check.account(account, "account");
        }
    }
}
