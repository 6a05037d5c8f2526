package dk.platform.payroll.run;

import java.util.List;

/**
 * A run request that is refused, with the HTTP status it answers (400 bad input, 404 unknown run,
 * 409 id reused with other content, 422 a rule says no) and, for bad files and differences, the
 * list of what is wrong.
 */
public class RunProblem extends RuntimeException {

    private final int status;
    private final List<?> errors;

    public RunProblem(int status, String detail, List<?> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public RunProblem(int status, String detail) {
        this(status, detail, List.of());
    }

    public int status() {
        return status;
    }

    public List<?> errors() {
        return errors;
    }

    /** One bad line of an uploaded run: where (line or lines[i]) and what. */
    public record LineError(String at, String message) {
    }
}
