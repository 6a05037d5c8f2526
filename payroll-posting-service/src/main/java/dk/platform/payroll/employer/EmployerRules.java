package dk.platform.payroll.employer;

import dk.platform.ledger.api.InputRules;
import dk.platform.payroll.chart.ChartRules;
import dk.platform.payroll.setup.Field;
import dk.platform.payroll.setup.SetupInput;
import dk.platform.payroll.setup.Violations;
import dk.platform.payroll.wagetype.WageType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What makes sorting codes, employers and employees valid (SPEC §4.2-4.3), every limit in one
 * place. Each check adds to a {@link Violations} naming the field and the limit instead of
 * stopping at the first error. Whether referenced objects exist is the service's business (422).
 */
final class EmployerRules {

    static final int DESCRIPTION_MAX = 30;

    private static final Pattern EMPLOYER_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern EMPLOYEE_NO = Pattern.compile("[A-Za-z0-9]{1,10}");

    private EmployerRules() {
    }

    // ------------------------------------------------------------------ sorting codes

    static void sortingCode(String code, String description, List<Field> fields, Violations v) {
        if (!SetupInput.isCode(code)) {
            v.add("code", "a sorting code is exactly 2 letters or digits, was " + InputRules.quote(code));
        }
        SetupInput.length(v, null, "description", description, 1, DESCRIPTION_MAX);
        if (fields == null || fields.isEmpty()) {
            v.add("fields", "fields must list at least one field, in order, from " + SetupInput.keys(Arrays.asList(Field.values())));
        } else if (fields.stream().anyMatch(Objects::isNull)) {
            v.add("fields", "fields must not contain null");
        } else if (new HashSet<>(fields).size() != fields.size()) {
            v.add("fields", "fields must not repeat a field, were " + SetupInput.keys(fields));
        }
    }

    // ------------------------------------------------------------------ employers and employees

    static void employer(String employerId, String name, String sortingCode, List<Employer.ChartPeriod> periods, Violations v) {
        if (employerId == null || !EMPLOYER_ID.matcher(employerId).matches() || !InputRules.isId(employerId)) {
            v.add("employerId", "an employer id is 1..40 letters, digits, '.', '_' or '-', not only dots, was "
                    + InputRules.quote(employerId));
        }
        SetupInput.length(v, null, "name", name, 1, 60);
        if (SetupInput.blankToNull(sortingCode) == null) {
            v.add("sortingCode", "sortingCode is required");
        }
        if (periods == null || periods.isEmpty()) {
            v.add("chartPeriods", "chartPeriods must have at least one period {from, chartCode}");
            return;
        }
        Set<LocalDate> froms = new HashSet<>();
        for (int i = 0; i < periods.size(); i++) {
            Employer.ChartPeriod period = periods.get(i);
            String field = "chartPeriods[" + i + "]";
            if (period == null || period.from() == null) {
                v.add(field + ".from", "from is required");
            } else if (!froms.add(period.from())) {
                v.add(field + ".from", "two chart periods start on " + period.from() + "; each period needs its own from date");
            }
            if (period != null) {
                ChartRules.chartCode(field + ".chartCode", period.chartCode(), v);
            }
        }
    }

    static void employeeNo(String employeeNo, Integer where, Violations v) {
        if (employeeNo == null || !EMPLOYEE_NO.matcher(employeeNo).matches()) {
            v.add(where, "employeeNo", "an employee number is 1..10 letters or digits, was " + InputRules.quote(employeeNo));
        }
    }

    /**
     * An employee's employment versions and cost distributions (SPEC §4.3). {@code sortingCode}
     * is the employer's: a distribution may only use one of its fields.
     */
    static void employee(List<Employment> employment, List<CostDistribution> distributions, SortingCode sortingCode,
                         Integer where, Violations v) {
        if (employment == null || employment.isEmpty()) {
            v.add(where, "employment", "employment must have at least one version {from, department, ...}");
        } else {
            Set<LocalDate> froms = new HashSet<>();
            for (int i = 0; i < employment.size(); i++) {
                Employment e = employment.get(i);
                if (e == null || e.from() == null) {
                    v.add(where, "employment[" + i + "].from", "from is required");
                } else if (!froms.add(e.from())) {
                    v.add(where, "employment[" + i + "].from", "two employment versions start on " + e.from());
                }
                if (e != null && e.deviatingChart() != null) {
                    ChartRules.chartCode("employment[" + i + "].deviatingChart", e.deviatingChart(), v);
                }
            }
        }
        if (distributions == null) {
            return;
        }
        boolean wellFormed = true;
        for (int i = 0; i < distributions.size(); i++) {
            wellFormed &= distribution(distributions.get(i), "distributions[" + i + "].", sortingCode, where, v);
        }
        if (wellFormed) {
            percentsAtMost100(distributions, where, v);
        }
    }

    private static boolean distribution(CostDistribution d, String prefix, SortingCode sortingCode, Integer where, Violations v) {
        if (d == null) {
            v.add(where, prefix.substring(0, prefix.length() - 1), "a distribution must not be null");
            return false;
        }
        int before = v.size();
        if (!WageType.isCode(d.wageType())) {
            v.add(where, prefix + "wageType", "wageType must be 4 digits, was " + InputRules.quote(d.wageType()));
        }
        if (d.from() == null) {
            v.add(where, prefix + "from", "from is required");
        } else if (d.to() != null && d.to().isBefore(d.from())) {
            v.add(where, prefix + "to", "to (" + d.to() + ") must not be before from (" + d.from() + ")");
        }
        if (d.field() == null || !Field.DISTRIBUTION_FIELDS.contains(d.field())) {
            v.add(where, prefix + "field", "field must be one of " + SetupInput.keys(Field.DISTRIBUTION_FIELDS) + ", was '"
                    + (d.field() == null ? null : d.field().key()) + "'");
        } else if (!sortingCode.fields().contains(d.field())) {
            v.add(where, prefix + "field", "field " + InputRules.quote(d.field().key()) + " is not in the employer's sorting code "
                    + sortingCode.code() + " " + SetupInput.keys(sortingCode.fields()) + "; a distribution can only use a field of"
                    + " the sorting code (SPEC 4.3)");
        }
        SetupInput.length(v, where, prefix + "value", d.value(), 1, 10);
        if ((d.percent() == null) == (d.amount() == null)) {
            v.add(where, prefix + "percent", "give exactly one of percent or amount");
        } else if (d.percent() != null && (d.percent().signum() <= 0 || d.percent().compareTo(BigDecimal.valueOf(100)) > 0
                || d.percent().stripTrailingZeros().scale() > 2)) {
            v.add(where, prefix + "percent", "percent must be more than 0 and at most 100 with at most 2 decimals, was "
                    + d.percent().toPlainString());
        } else if (d.amount() != null && !d.amount().isPositive()) {
            v.add(where, prefix + "amount", "amount must be more than 0.00, was " + d.amount());
        }
        return v.size() == before;
    }

    /** For one wage type, the percents in force on any one day add up to at most 100 (the highest sum is on some from date). */
    private static void percentsAtMost100(List<CostDistribution> distributions, Integer where, Violations v) {
        Map<String, List<CostDistribution>> byWageType = distributions.stream().filter(d -> d.percent() != null)
                .collect(Collectors.groupingBy(CostDistribution::wageType, LinkedHashMap::new, Collectors.toList()));
        byWageType.forEach((wageType, rows) -> {
            for (LocalDate day : new TreeSet<>(rows.stream().map(CostDistribution::from).toList())) {
                BigDecimal sum = rows.stream().filter(d -> d.appliesTo(wageType, day)).map(CostDistribution::percent)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(BigDecimal.valueOf(100)) > 0) {
                    v.add(where, "distributions", "the percents of wage type " + wageType + " in force on " + day
                            + " add up to " + sum.toPlainString() + ", more than 100");
                    return;
                }
            }
        });
    }
}
