package dk.platform.payroll.wagetype;

import dk.platform.payroll.setup.Saved;
import dk.platform.payroll.setup.SetupKind;
import dk.platform.payroll.setup.SetupStore;
import dk.platform.payroll.setup.Violations;
import org.springframework.stereotype.Service;

/** Changes to the wage-type catalogue: validated (400), one history entry each; a text that stays the same writes nothing. */
@Service
class WageTypeService {

    private final SetupStore store;
    private final WageTypes wageTypes;

    WageTypeService(SetupStore store, WageTypes wageTypes) {
        this.store = store;
        this.wageTypes = wageTypes;
    }

    Saved<WageType> putWageType(String code, String text, String by) {
        Violations v = new Violations();
        WageTypeRules.wageType(code, text, v);
        v.throwIfAny();
        WageType wageType = new WageType(code, text.strip());
        String now = wageTypes.wageTypeTexts().get(code);
        if (wageType.text().equals(now)) {
            return new Saved<>(wageType, false);
        }
        store.save(SetupKind.WAGE_TYPE, by, new SetupStore.Change<>(code, now == null ? SetupStore.NEW : SetupStore.ANY,
                now == null ? "create" : "update", r -> wageType));
        return new Saved<>(wageType, now == null);
    }
}
