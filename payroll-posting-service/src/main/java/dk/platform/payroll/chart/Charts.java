package dk.platform.payroll.chart;

import dk.platform.payroll.setup.SetupKind;
import dk.platform.payroll.setup.SetupStore;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The charts as they are stored: what the run and posting code read, and the chart API shows. */
@Component
public class Charts {

    private final SetupStore store;

    public Charts(SetupStore store) {
        this.store = store;
    }

    /** A chart's current content; its {@code revision} is the setup revision of its last change. */
    public Optional<Chart> chart(String code) {
        return store.find(SetupKind.CHART, code, Chart.class);
    }

    /** A chart as it was at a setup revision (its last change at or before it), from the history. */
    public Optional<Chart> chartAt(String code, long revision) {
        return store.at(SetupKind.CHART, code, revision, Chart.class);
    }

    public List<Chart> charts() {
        return store.all(SetupKind.CHART, Chart.class, Comparator.comparing(Chart::code));
    }
}
