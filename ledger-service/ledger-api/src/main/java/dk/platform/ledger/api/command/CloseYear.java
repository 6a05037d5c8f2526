package dk.platform.ledger.api.command;

/**
 * Year-end close (årsafslutning): brings every account the YEAR_END_CLOSE definition of its fund
 * class matches to zero as of the fiscal year's last day, for the funds of {@code fundClass}
 * (missing: every class that has a definition). Posts one entry with id {@code closingId}.
 */
public record CloseYear(String closingId, Integer fiscalYear, String fundClass) {
}
