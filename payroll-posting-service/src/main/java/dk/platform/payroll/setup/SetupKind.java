package dk.platform.payroll.setup;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a setup change is about, as the history names it, and the collection that holds its current state. */
public enum SetupKind {
    WAGE_TYPE("wageType", "payroll_wage_types"),
    CHART("chart", "payroll_charts"),
    CHART_LINES("chartLines", "payroll_charts"),
    SORTING_CODE("sortingCode", "payroll_sorting_codes"),
    EMPLOYER("employer", "payroll_employers"),
    EMPLOYEE("employee", "payroll_employees");

    private final String key;
    private final String collection;

    SetupKind(String key, String collection) {
        this.key = key;
        this.collection = collection;
    }

    @JsonValue
    public String key() {
        return key;
    }

    String collection() {
        return collection;
    }
}
