package dk.platform.payroll.wagetype;

import dk.platform.ledger.api.InputRules;
import dk.platform.payroll.setup.SetupInput;
import dk.platform.payroll.setup.Violations;

/** What makes a wage type of the catalogue valid: a 4-digit code and a text of 1..40. */
final class WageTypeRules {

    static final int TEXT_MAX = 40;

    private WageTypeRules() {
    }

    static void wageType(String code, String text, Violations v) {
        if (!WageType.isCode(code)) {
            v.add("code", "a wage type code is 4 digits, was " + InputRules.quote(code));
        }
        SetupInput.length(v, null, "text", text, 1, TEXT_MAX);
    }
}
