package dk.platform.payroll.wagetype;

import java.util.regex.Pattern;

/** A wage type (lønart) of the catalogue: a 4-digit code and its text. */
public record WageType(String code, String text) {

    private static final Pattern CODE = Pattern.compile("\\d{4}");

    /** A wage type code is 4 digits. */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
