package dk.platform.ledger.api;

import java.util.regex.Pattern;

/**
 * The input rules of SPEC §0 that every service applies the same way, so that what one service
 * accepts the ledger accepts too: ids, account numbers, and how a bad value is quoted back.
 */
public final class InputRules {

    /** SPEC §0: an id is 1..120 characters of {@code A-Za-z0-9._:-}, and not only dots ({@code .} and {@code ..} cannot be addressed in a path). */
    public static final int MAX_ID = 120;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,120}");
    private static final Pattern ONLY_DOTS = Pattern.compile("\\.+");
    /** SPEC §0: 1 to 20 characters, or dimension segments joined by '-' (fund-main[-dept[-purpose...]]). */
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._]{1,20}(-[A-Za-z0-9._]{1,20}){0,4}");
    /** How much of a bad value an error quotes back: enough to recognise it, never the whole of a huge one. */
    public static final int QUOTED = 40;

    private InputRules() {
    }

    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches() && !ONLY_DOTS.matcher(value).matches();
    }

    public static boolean isAccount(String value) {
        return value != null && ACCOUNT.matcher(value).matches() && !ONLY_DOTS.matcher(value).matches();
    }

    /** The error text for a value that is not an id, quoting at most a short prefix of it. */
    public static String notAnId(String field, String value) {
        return field + " " + quote(value) + " is not a valid id: 1 to " + MAX_ID + " of A-Z a-z 0-9 . _ : -, not only dots";
    }

    public static String notAnAccount(String field, String value) {
        return field + " " + quote(value) + " is not an account number: 1 to 20 of A-Z a-z 0-9 . _,"
                + " or up to 5 such segments joined by '-'";
    }

    /** A value as an error quotes it: in quotes, cut to {@link #QUOTED} characters, control characters shown as \\uXXXX. */
    public static String quote(Object quoted) {
        if (quoted == null) {
            return "null";
        }
        String value = String.valueOf(quoted);
        String cut = value.length() > QUOTED ? value.substring(0, QUOTED) : value;
        StringBuilder text = new StringBuilder("'");
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        text.append('\'');
        if (value.length() > QUOTED) {
            text.append("… (").append(value.length()).append(" characters)");
        }
        return text.toString();
    }

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]*");

    /** A request path that can be quoted as a URI as it is. */
    public static boolean isPath(String value) {
        return PATH.matcher(value).matches();
    }

    /** True if the text holds a control character other than tab, line feed and carriage return. */
    public static boolean hasControlCharacters(String value, boolean allowLineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(allowLineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
