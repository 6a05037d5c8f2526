package dk.platform.payroll.setup;

/**
 * One thing wrong with setup input: where it is (the 1-based physical line of a CSV file, or the
 * 1-based position in a JSON array; absent for a single object), which field, and why.
 */
public record SetupError(Integer line, String field, String message) {

    @Override
    public String toString() {
        return (line == null ? "" : "line " + line + ": ") + (field == null ? "" : field + ": ") + message;
    }
}
