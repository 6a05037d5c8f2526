package dk.platform.payroll.setup;

import dk.platform.ledger.api.InputRules;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields a sorting code orders a voucher by (SPEC §4.2). Some of them can also be a chart's
 * group-posting field or a cost distribution's field. In JSON and CSV a field is its camelCase key.
 */
public enum Field {
    DEPARTMENT("department"), PAY_TYPE("payType"), INPUT_VALUE_CODE("inputValueCode"), ACCOUNT("account"),
    PAY_GROUP("payGroup"), EMPLOYEE_NO("employeeNo"), JOB_CATEGORY("jobCategory"), PAYOUT_PLACE("payoutPlace"),
    OPTIONAL1("optional1"), OPTIONAL2("optional2"), OPTIONAL3("optional3"), OPTIONAL4("optional4"),
    OPTIONAL5("optional5"), OPTIONAL6("optional6");

    /** Fields whose value selects a chart line in a group posting. */
    public static final Set<Field> GROUP_FIELDS = EnumSet.of(DEPARTMENT, PAYOUT_PLACE, JOB_CATEGORY, PAY_GROUP,
            OPTIONAL1, OPTIONAL2, OPTIONAL3, OPTIONAL4, OPTIONAL5, OPTIONAL6);
    /** Fields a cost distribution can set. */
    public static final Set<Field> DISTRIBUTION_FIELDS = EnumSet.of(DEPARTMENT, PAYOUT_PLACE,
            OPTIONAL1, OPTIONAL2, OPTIONAL3, OPTIONAL4, OPTIONAL5, OPTIONAL6);

    private final String key;

    Field(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    @JsonCreator
    public static Field of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(InputRules.quote(key) + " is not a field; fields are "
                        + Arrays.stream(values()).map(Field::key).collect(Collectors.joining(", "))));
    }

    /** optional1..6 as 0..5, or -1. */
    public int optionalIndex() {
        return ordinal() >= OPTIONAL1.ordinal() ? ordinal() - OPTIONAL1.ordinal() : -1;
    }

    public static Field optional(int index) {
        return values()[OPTIONAL1.ordinal() + index];
    }
}
