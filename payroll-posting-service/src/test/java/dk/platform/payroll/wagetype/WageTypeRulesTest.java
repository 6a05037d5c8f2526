package dk.platform.payroll.wagetype;

import dk.platform.payroll.setup.SetupError;
import org.junit.jupiter.api.Test;

import static dk.platform.payroll.setup.SetupErrors.errors;
import static org.assertj.core.api.Assertions.assertThat;

/** The wage-type rule of the former SetupRulesTest, moved whole with WageTypeRules. */
class WageTypeRulesTest {

    @Test
    void aWageTypeIsFourDigitsWithATextOf1To40() {
        assertThat(errors(v -> WageTypeRules.wageType("1100", "Månedsløn", v))).isEmpty();
        assertThat(errors(v -> WageTypeRules.wageType("110A", "", v))).extracting(SetupError::field).containsExactly("code", "text");
        assertThat(errors(v -> WageTypeRules.wageType("1100", "x".repeat(41), v))).singleElement()
                .extracting(SetupError::message).asString().contains("1..40");
    }
}
