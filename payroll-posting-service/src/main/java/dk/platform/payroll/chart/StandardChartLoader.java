package dk.platform.payroll.chart;

import dk.platform.payroll.setup.SetupException;
import dk.platform.payroll.setup.SetupKind;
import dk.platform.payroll.setup.SetupStore;
import dk.platform.payroll.wagetype.WageType;
import dk.platform.payroll.wagetype.WageTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * At start-up, stores the standard chart SD and SD's wage types if SD is not there yet. The wage
 * types go first and SD last, so a start that stops half-way is completed by the next one; a
 * wage type already in the catalogue keeps its text. A newer shipped SD does not replace a stored one.
 */
@Component
class StandardChartLoader implements ApplicationRunner {

    static final String BY = "system";
    private static final Logger log = LoggerFactory.getLogger(StandardChartLoader.class);

    private final SetupStore store;
    private final Charts charts;
    private final WageTypes catalogue;

    StandardChartLoader(SetupStore store, Charts charts, WageTypes catalogue) {
        this.store = store;
        this.charts = charts;
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (charts.chart(Chart.STANDARD).isPresent()) {
            return;
        }
        StandardChart.Content sd = StandardChart.shipped();
        Map<String, String> known = catalogue.wageTypeTexts();
        List<SetupStore.Change<WageType>> wageTypes = new ArrayList<>();
        sd.wageTypeTexts().forEach((code, text) -> {
            if (!known.containsKey(code)) {
                wageTypes.add(new SetupStore.Change<>(code, SetupStore.NEW, "create", r -> new WageType(code, text)));
            }
        });
        try {
            store.saveAll(SetupKind.WAGE_TYPE, BY, wageTypes);
            store.save(SetupKind.CHART, BY, new SetupStore.Change<>(Chart.STANDARD, SetupStore.NEW, "create", sd::chart));
            log.info("stored the standard chart SD ({} lines) and {} of its {} wage types", sd.lines().size(), wageTypes.size(),
                    sd.wageTypeTexts().size());
        } catch (SetupException e) {
            // Two instances starting together: one of them stores SD; the other must still start.
            log.warn("another instance is storing the standard chart SD at the same time: {}", e.getMessage());
        }
    }
}
