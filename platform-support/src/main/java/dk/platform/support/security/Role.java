package dk.platform.support.security;

import java.util.Arrays;
import java.util.Locale;

/**
 * What an identity may do (issue 10). A token carries them in its {@code roles} claim and an API
 * key in its configuration, by their lower-case names.
 */
public enum Role {
    /** Ledger commands: entries, payments, open items, write-offs, reversals, debts. */
    POSTER,
    /** Every read, the audit history and the audit export; no commands. */
    AUDITOR,
    /** Payroll setup and payroll runs. */
    PAYROLL,
    /** Insurer settlement statements. */
    SETTLEMENT,
    /** Posting definitions, projection rebuilds and replays, the standard payroll data. */
    ADMIN;

    /** The name in tokens, configuration and Spring Security's {@code hasRole}: {@code poster}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + id();
    }

    public static Role of(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + id + "'; the roles are "
                        + Arrays.stream(values()).map(Role::id).toList()));
    }
}
