package dk.platform.settlement.statement.web;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.Money;
import dk.platform.settlement.statement.Check;
import dk.platform.settlement.statement.SettlementAccounts;
import dk.platform.settlement.statement.Statement;

import dk.platform.support.input.StrictJson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement as CSV (format v1, see README "Insurer settlement"): UTF-8, comma-separated, one
 * record per line, the record type first; blank lines and lines starting with {@code #} are
 * ignored; a field may be quoted ("...", "" for a quote). Amounts with two decimals and a
 * decimal point ({@code 412.50}, {@code -2.50}), dates ISO ({@code 2026-04-20}); an empty account takes the configured default.
 * <pre>
 * statement,statementId,party,openItemId,settlementDate,cashAccount,bankAmount   (exactly one)
 * fee,text,amount[,account[,lineId]]
 * rejected,lineId,reference,amount[,account]
 * difference,amount[,account]                                                   (at most one)
 * </pre>
 * Every error is reported with its line number, all at once; a file with any error is refused whole.
 */
final class StatementCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final int MAX_ERRORS = 100;
    static final int MAX_DETAIL = 300;
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("^[ \t]+|[ \t]+$");
    private static final java.util.regex.Pattern TWO_DECIMALS = java.util.regex.Pattern.compile("-?\\d{1,15}\\.\\d{2}");

    /** A CSV file that cannot be read; {@code errors} are "line N: ..." sentences. */
    static final class Invalid extends IllegalArgumentException {
        final List<String> errors;

        Invalid(List<String> errors) {
            // the detail stays short whatever the file: the first error, and how many there are (all of them in 'errors')
            super(shortened(errors.size() == 1 ? errors.get(0) : errors.size() + " errors: " + String.join("; ", errors)));
            this.errors = List.copyOf(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }
    }

    private StatementCsv() {
    }

    /** A detail stays short whatever the file (issue 15): every error is in 'errors' in full. */
    static String shortened(String message) {
        return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "… (every error is listed in 'errors')";
    }

    static Statement parse(String text, SettlementAccounts defaults) {
        return parse(text, defaults, StrictJson.DateRange.DEFAULT);
    }

    /** @param dates the dates input may carry (SPEC §0), as for a JSON statement */
    static Statement parse(String text, SettlementAccounts defaults, StrictJson.DateRange dates) {
        List<String> errors = new ArrayList<>();
        String[] header = null;
        int headerLine = 0;
        List<Statement.Fee> fees = new ArrayList<>();
        List<Statement.RejectedBill> rejected = new ArrayList<>();
        Map<String, Integer> references = new HashMap<>();
        Statement.Difference difference = null;
        int differenceLine = 0;
        String[] lines = (text == null ? "" : text.replace("\uFEFF", "")).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i];
            if (spaces(line) || line.stripLeading().startsWith("#")) {
                continue;
            }
            String where = "line " + n + ": ";
            try {
                List<String> f = fields(line);
                String type = String.valueOf(blank(f.get(0))).toLowerCase(java.util.Locale.ROOT);
                switch (type) {
                    case "statement" -> {
                        expect(f, 7, 7, "statement,statementId,party,openItemId,settlementDate,cashAccount,bankAmount");
                        if (header != null) {
                            throw new IllegalArgumentException("a second statement record (the first is on line " + headerLine + ")");
                        }
                        header = f.toArray(String[]::new);
                        headerLine = n;
                        date(f.get(4), "settlementDate", dates);
                        money(f.get(6), "bankAmount");
                    }
                    case "fee" -> {
                        expect(f, 3, 5, "fee,text,amount[,account[,lineId]]");
                        fees.add(Check.at("fee ", () -> new Statement.Fee(blank(f.get(1)), money(f.get(2), "amount"),
                                StatementRequest.or(blank(at(f, 3)), defaults.fees()), blank(at(f, 4)))));
                    }
                    case "rejected" -> {
                        expect(f, 4, 5, "rejected,lineId,reference,amount[,account]");
                        Statement.RejectedBill bill = Check.at("rejected bill ", () -> new Statement.RejectedBill(blank(f.get(1)),
                                blank(f.get(2)), money(f.get(3), "amount"), StatementRequest.or(blank(at(f, 4)), defaults.rejected())));
                        Integer first = references.putIfAbsent(bill.reference(), n);
                        if (first != null) {
                            throw new IllegalArgumentException("rejected bill reference '" + bill.reference()
                                    + "' is used twice (first on line " + first + ")");
                        }
                        rejected.add(bill);
                    }
                    case "difference" -> {
                        expect(f, 2, 3, "difference,amount[,account]");
                        if (difference != null) {
                            throw new IllegalArgumentException("a second difference record (the first is on line " + differenceLine + ")");
                        }
                        difference = Check.at("difference ", () -> new Statement.Difference(money(f.get(1), "amount"),
                                StatementRequest.or(blank(at(f, 2)), defaults.difference())));
                        differenceLine = n;
                    }
                    default -> throw new IllegalArgumentException("unknown record type " + InputRules.quote(f.get(0))
                            + "; expected statement, fee, rejected or difference");
                }
            } catch (IllegalArgumentException e) {
                errors.add(where + e.getMessage());
            }
        }
        if (header == null && errors.isEmpty()) {
            errors.add("line 1: no statement record; the file needs one line"
                    + " statement,statementId,party,openItemId,settlementDate,cashAccount,bankAmount");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        String[] h = header;
        try {
            return new Statement(blank(h[1]), blank(h[2]), blank(h[3]), date(h[4], "settlementDate", dates), blank(h[5]),
                    money(h[6], "bankAmount"), fees, rejected, difference);
        } catch (IllegalArgumentException e) {
            throw new Invalid(List.of("line " + headerLine + ": statement " + e.getMessage()));
        }
    }

    private static void expect(List<String> fields, int min, int max, String format) {
        if (fields.size() < min || fields.size() > max) {
            throw new IllegalArgumentException(fields.size() + " fields where " + (min == max ? "" + min : min + " to " + max)
                    + " are expected: " + format);
        }
    }

    private static String at(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index) : null;
    }

    private static String blank(String value) {
        return value == null || spaces(value) ? null : SPACES.matcher(value).replaceAll("");
    }

    /**
     * Only spaces and tabs around a field are dropped (String.trim would drop control characters
     * too, and so take "fee\u0000" for "fee" or a NUL at the end of a text for nothing: issue 15).
     */
    private static boolean spaces(String value) {
        return value.chars().allMatch(c -> c == ' ' || c == '\t');
    }

    private static Money money(String value, String field) {
        String v = blank(value);
        if (v == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!TWO_DECIMALS.matcher(v).matches()) {
            // "412,50" unquoted would split into 412 and 50 and still look like a valid record
            throw new IllegalArgumentException(field + " " + InputRules.quote(v) + " is not an amount with two decimals and a decimal"
                    + " point, such as 412.50 or -2.50 (a decimal comma splits the field)");
        }
        return Money.of(v);
    }

    /** SPEC §0's date rule, as for JSON: yyyy-mm-dd exactly, within the dates input may carry (not "+12026-01-01", not year 0). */
    private static LocalDate date(String value, String field, StrictJson.DateRange dates) {
        String v = blank(value);
        if (v == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        try {
            return StrictJson.date(v, dates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " " + e.getMessage());
        }
    }

    /** Splits one line into fields; double quotes enclose a field, "" inside them is a quote. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && spaces(field.toString())) {
                field.setLength(0);
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
