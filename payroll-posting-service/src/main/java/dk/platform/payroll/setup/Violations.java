package dk.platform.payroll.setup;

import java.util.ArrayList;
import java.util.List;

/** Collects every error of one input, so a user fixes a file in one go instead of one error per upload. */
public final class Violations {

    public static final int MAX = 100;

    private final List<SetupError> errors = new ArrayList<>();
    private int dropped;

    public void add(Integer line, String field, String message) {
        if (errors.size() < MAX) {
            errors.add(new SetupError(line, field, message));
        } else {
            dropped++;
        }
    }

    public void add(String field, String message) {
        add(null, field, message);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size() + dropped;
    }

    public List<SetupError> list() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            List<SetupError> all = new ArrayList<>(errors);
            if (dropped > 0) {
                all.add(new SetupError(null, null, dropped + " more errors not listed (at most " + MAX + " are)"));
            }
            throw SetupException.invalid(all);
        }
    }
}
