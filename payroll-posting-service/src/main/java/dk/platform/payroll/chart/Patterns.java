package dk.platform.payroll.chart;

/**
 * Chart-line patterns (SPEC §4.1): {@code *} replaces one character and is written from the
 * right, and a pattern is as long as the values it covers: {@code 10**} covers 1000-1099,
 * {@code 3**} matches 311, {@code 3*} does not. A lone {@code *} as a group matches any value
 * (also none); a wage type has no such catch-all: its pattern is always as long as the wage type
 * ({@code ****} covers them all), so a chart line written {@code *} can never hide a wage type that
 * is missing from the chart (SPEC §4.2 difference).
 */
public final class Patterns {

    public static final String ANY = "*";

    private Patterns() {
    }

    /** Whether a group pattern covers a value: a lone {@code *} covers anything, otherwise as {@link #matchesWageType}. */
    public static boolean matches(String pattern, String value) {
        return ANY.equals(pattern) || matchesWageType(pattern, value);
    }

    /** Whether a pattern covers a value of its own length, {@code *} standing for any one character. */
    public static boolean matchesWageType(String pattern, String value) {
        if (pattern == null || value == null || pattern.length() != value.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char p = pattern.charAt(i);
            if (p != '*' && p != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** How many characters a pattern leaves open: fewer is more specific; a lone {@code *} is the least. */
    public static int openness(String pattern) {
        if (ANY.equals(pattern)) {
            return Integer.MAX_VALUE / 2;
        }
        int stars = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '*') {
                stars++;
            }
        }
        return stars;
    }

    /** Whether a pattern is well formed: characters, then only {@code *} to the right. */
    public static boolean wellFormed(String pattern) {
        return pattern != null && !pattern.isEmpty() && pattern.matches("[^*]*\\**");
    }
}
