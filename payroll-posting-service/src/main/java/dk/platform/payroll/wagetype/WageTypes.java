package dk.platform.payroll.wagetype;

import dk.platform.payroll.setup.SetupKind;
import dk.platform.payroll.setup.SetupStore;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The wage-type catalogue as it is stored now: what the run and posting code read. */
@Component
public class WageTypes {

    private final SetupStore store;

    public WageTypes(SetupStore store) {
        this.store = store;
    }

    public List<WageType> wageTypes() {
        return store.all(SetupKind.WAGE_TYPE, WageType.class, Comparator.comparing(WageType::code));
    }

    /** The wage-type catalogue: code to text. */
    public Map<String, String> wageTypeTexts() {
        Map<String, String> texts = new TreeMap<>();
        for (WageType wageType : wageTypes()) {
            texts.put(wageType.code(), wageType.text());
        }
        return texts;
    }

    public Set<String> wageTypeCodes() {
        return new TreeSet<>(wageTypeTexts().keySet());
    }
}
