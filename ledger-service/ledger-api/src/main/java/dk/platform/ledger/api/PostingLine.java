package dk.platform.ledger.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a journal entry: an account and either a debit or a credit (positive).
 * {@code generatedBy} is set on lines a posting definition added (SPEC §2), naming the
 * definition, its version and the row that made the line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostingLine(String account, Money debit, Money credit, GeneratedBy generatedBy) {

    /** Which posting definition (and which version and row of it) generated a line. */
    public record GeneratedBy(String definitionId, int version, int row) {
    }

    public PostingLine(String account, Money debit, Money credit) {
        this(account, debit, credit, null);
    }

    public PostingLine generatedBy(GeneratedBy by) {
        return new PostingLine(account, debit, credit, by);
    }

    @JsonIgnore
    public boolean isDebit() {
        return debit != null;
    }

    /** The amount of the line, whichever side it is on. */
    public Money amount() {
        return debit != null ? debit : credit;
    }

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
        return new PostingLine(account, credit, debit, generatedBy);
    }
}
