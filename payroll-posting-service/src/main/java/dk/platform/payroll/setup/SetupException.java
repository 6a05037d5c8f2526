package dk.platform.payroll.setup;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A refused setup change, with the HTTP status it answers: 400 invalid input (with every error
 * found), 404 unknown code, 409 already exists or changed concurrently, 413 upload too large,
 * 422 a business rule says no. A refused change has changed nothing.
 */
public class SetupException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<SetupError> errors;

    SetupException(int status, String title, String detail, List<SetupError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static SetupException invalid(List<SetupError> errors) {
        String detail = errors.stream().limit(5).map(SetupError::toString).collect(Collectors.joining("; "))
                + (errors.size() > 5 ? "; and " + (errors.size() - 5) + " more (see errors)" : "");
        return new SetupException(400, "Invalid setup", detail, errors);
    }

    public static SetupException notFound(String detail) {
        return new SetupException(404, "Not found", detail, List.of());
    }

    public static SetupException exists(String detail) {
        return new SetupException(409, "Already exists", detail, List.of());
    }

    public static SetupException concurrent(String detail) {
        return new SetupException(409, "Concurrent modification", detail, List.of());
    }

    public static SetupException tooLarge(String detail) {
        return new SetupException(413, "Upload too large", detail, List.of());
    }

    public static SetupException refused(String detail) {
        return new SetupException(422, "Refused", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<SetupError> errors() {
        return errors;
    }
}
