package dk.platform.payroll.setup;

import java.util.List;
import java.util.function.Consumer;

/** The errors a setup check reports, for the rules tests of every setup feature. */
public final class SetupErrors {

    private SetupErrors() {
    }

    public static List<SetupError> errors(Consumer<Violations> check) {
        Violations v = new Violations();
        check.accept(v);
        return v.list();
    }
}
