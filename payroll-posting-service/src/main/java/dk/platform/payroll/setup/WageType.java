package dk.platform.payroll.setup;

/** A wage type (lønart) of the catalogue: a 4-digit code and its text. */
public record WageType(String code, String text) {
}
