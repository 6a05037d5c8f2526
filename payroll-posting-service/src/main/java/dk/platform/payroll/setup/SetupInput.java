package dk.platform.payroll.setup;

import dk.platform.support.security.Caller;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The checks every kind of setup input shares (each feature's rules add their own): blank means
 * absent, a text has a length and no control characters, a chart or sorting code is 2 letters or
 * digits. And whom a change is recorded for.
 */
public final class SetupInput {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{2}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private SetupInput() {
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A chart code or a sorting code: exactly 2 letters or digits. */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public static void length(Violations v, Integer where, String field, String value, int min, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() < min || stripped.length() > max || hasControl(stripped)) {
            v.add(where, field, field + " must be " + min + ".." + max + " characters without line breaks, was "
                    + (value == null ? "missing" : stripped.length() + ""));
        }
    }

    public static boolean hasControl(String value) {
        return CONTROL.matcher(value).find();
    }

    public static String keys(Collection<Field> fields) {
        return fields.stream().map(Field::key).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Line numbers 1..n: where the lines of a JSON array or a stored chart are. */
    public static List<Integer> lineNumbers(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    /** Whom the history names: the authenticated subject (never a header or body field). */
    public static String by() {
        return Caller.currentOr("anonymous");
    }
}
