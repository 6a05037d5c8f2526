package dk.platform.payroll.posting;

/**
 * Chart-line patterns (SPEC §4.1): {@code *} replaces one character and is written from the
 * right, and a pattern is as long as the values it covers: {@code 10**} covers 1000-1099,
 * {@code 3**} matches 311, {@code 3*} does not. A lone {@code *} as a group matches any value.
 */
public final class Patterns {

    public static final String ANY = "*";

    private Patterns() {
    }

    public static boolean matches(String pattern, String value) {
        if (ANY.equals(pattern)) {
            return true;
        }
        if (value == null || pattern.length() != value.length()) {
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
