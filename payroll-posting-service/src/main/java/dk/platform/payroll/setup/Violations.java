package dk.platform.payroll.setup;

import java.util.ArrayList;
import java.util.List;

/** Collects every error of one input, so a user fixes a file in one go instead of one error per upload. */
final class Violations {

    static final int MAX = 100;

    private final List<SetupError> errors = new ArrayList<>();
    private int dropped;

    void add(Integer line, String field, String message) {
        if (errors.size() < MAX) {
            errors.add(new SetupError(line, field, message));
        } else {
            dropped++;
        }
    }

    void add(String field, String message) {
        add(null, field, message);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size() + dropped;
    }

    List<SetupError> list() {
        return List.copyOf(errors);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            List<SetupError> all = new ArrayList<>(errors);
            if (dropped > 0) {
                all.add(new SetupError(null, null, dropped + " more errors not listed (at most " + MAX + " are)"));
            }
            throw SetupException.invalid(all);
        }
    }
}
