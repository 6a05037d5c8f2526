package dk.platform.ledger.domain;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Input checks shared by the command handlers; each failure is a 400 naming the field. */
public final class Check {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    /** 1 to 20 characters, or a dimensioned account of up to 5 such segments joined by '-' (fund-main[-dept[-purpose...]]). */
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._]{1,20}(-[A-Za-z0-9._]{1,20}){0,4}");
    public static final int MAX_TEXT = 200;
    public static final int MAX_LINES = 1000;

    private Check() {
    }

    public static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new LedgerException.Invalid(field + " is required");
        }
        return value;
    }

    public static String id(String value, String field) {
        required(value, field);
        if (!ID.matcher(value).matches()) {
            throw new LedgerException.Invalid(field + " '" + value + "' is not a valid id: 1 to 100 of A-Z a-z 0-9 . _ -");
        }
        return value;
    }

    public static String optionalId(String value, String field) {
        return value == null ? null : id(value, field);
    }

    public static String account(String value, String field) {
        required(value, field);
        if (!ACCOUNT.matcher(value).matches()) {
            throw new LedgerException.Invalid(field + " '" + value + "' is not an account number: 1 to 20 of A-Z a-z 0-9 . _,"
                    + " or up to 5 such segments joined by '-'");
        }
        return value;
    }

    public static String text(String value, String field) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new LedgerException.Invalid(field + " is longer than " + MAX_TEXT + " characters");
        }
        return value == null ? "" : value;
    }

    public static Money positive(Money value, String field) {
        required(value, field);
        if (!value.isPositive()) {
            throw new LedgerException.Invalid(field + " must be positive, was " + value);
        }
        return value;
    }

    public static Money nonZero(Money value, String field) {
        required(value, field);
        if (value.isZero()) {
            throw new LedgerException.Invalid(field + " must not be 0.00");
        }
        return value;
    }

    public static <T extends Collection<?>> T size(T list, String field, int min) {
        if (list == null || list.size() < min) {
            throw new LedgerException.Invalid(field + " needs at least " + min + (min == 1 ? " element" : " elements"));
        }
        if (list.size() > MAX_LINES) {
            throw new LedgerException.Invalid(field + " has more than " + MAX_LINES + " elements");
        }
        return list;
    }

    /** Each line has an account and exactly one positive side. */
    public static List<PostingLine> lines(List<PostingLine> lines, int min) {
        size(lines, "lines", min);
        for (int i = 0; i < lines.size(); i++) {
            PostingLine line = required(lines.get(i), "lines[" + i + "]");
            account(line.account(), "lines[" + i + "].account");
            if ((line.debit() == null) == (line.credit() == null)) {
                throw new LedgerException.Invalid("lines[" + i + "] needs either debit or credit, not both or neither");
            }
            positive(line.amount(), "lines[" + i + (line.isDebit() ? "].debit" : "].credit"));
        }
        return List.copyOf(lines);
    }

    /** Two or more well-formed lines whose debits equal their credits. */
    public static void balancedLines(List<PostingLine> lines) {
        lines(lines, 2);
        Money debit = Money.ZERO;
        Money credit = Money.ZERO;
        for (PostingLine line : lines) {
            if (line.isDebit()) {
                debit = debit.plus(line.debit());
            } else {
                credit = credit.plus(line.credit());
            }
        }
        if (!debit.equals(credit)) {
            throw new LedgerException.RuleViolation("the entry does not balance: debit " + debit + ", credit " + credit
                    + " (difference " + debit.minus(credit) + ")");
        }
    }
}
