package dk.platform.ledger.domain;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;

import java.util.Collection;
import java.util.List;

/** Input checks shared by the command handlers; each failure is a 400 naming the field. */
public final class Check {

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
        if (!InputRules.isId(value)) {
            throw new LedgerException.Invalid(InputRules.notAnId(field, value));
        }
        return value;
    }

    public static String optionalId(String value, String field) {
        return value == null ? null : id(value, field);
    }

    public static String account(String value, String field) {
        required(value, field);
        if (!InputRules.isAccount(value)) {
            throw new LedgerException.Invalid(InputRules.notAnAccount(field, value));
        }
        return value;
    }

    /** A posting text (posteringstekst), SPEC §7: required, at most {@value #MAX_TEXT} characters; tab and line breaks may stay. */
    public static String text(String value, String field) {
        return bounded(required(value, field), field, MAX_TEXT, true);
    }

    /** A name or a reference (account name, documentNo, label): required, bounded, no control characters at all. */
    public static String name(String value, String field, int max) {
        return bounded(required(value, field), field, max, false);
    }

    private static String bounded(String value, String field, int max, boolean lineBreaks) {
        if (value.length() > max) {
            throw new LedgerException.Invalid(field + " is longer than " + max + " characters (" + value.length() + ")");
        }
        if (InputRules.hasControlCharacters(value, lineBreaks)) {
            throw new LedgerException.Invalid(field + " " + InputRules.quote(value) + " contains a control character");
        }
        return value;
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
