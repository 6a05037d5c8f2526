package dk.platform.ledger.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a journal entry: an account and either a debit or a credit (positive).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostingLine(String account, Money debit, Money credit) {

    public static PostingLine debit(String account, Money amount) {
        return amount.isNegative() ? new PostingLine(account, null, amount.negate()) : new PostingLine(account, amount, null);
    }

    public static PostingLine credit(String account, Money amount) {
        return amount.isNegative() ? new PostingLine(account, amount.negate(), null) : new PostingLine(account, null, amount);
    }

    /** Debit minus credit: what this line adds to its account's balance. */
    public Money signedAmount() {
        return (debit == null ? Money.ZERO : debit).minus(credit == null ? Money.ZERO : credit);
    }

    /** The same line on the other side. */
    public PostingLine swapped() {
        return new PostingLine(account, credit, debit);
    }
}
