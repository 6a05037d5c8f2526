package dk.platform.payroll.setup;

import dk.platform.ledger.api.InputRules;
import dk.platform.payroll.posting.Patterns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What makes setup input valid (SPEC §4.1-4.3), every limit in one place. Each check adds to a
 * {@link Violations} naming the field and the limit instead of stopping at the first error.
 * Whether referenced objects exist is not checked here: that is the service's business (422).
 */
final class SetupRules {

    static final int MAX_LINES = 20_000;
    static final int DESCRIPTION_MAX = 30;
    static final int TEXT_MAX = 40;
    static final int GROUP_MAX = 20;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{2}");
    private static final Pattern DIGITS4 = Pattern.compile("\\d{4}");
    private static final Pattern WAGE_TYPE_PATTERN = Pattern.compile("\\d*\\**");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._-]{1,20}");
    private static final Pattern EMPLOYER_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern EMPLOYEE_NO = Pattern.compile("[A-Za-z0-9]{1,10}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private SetupRules() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ------------------------------------------------------------------ wage types

    static void wageType(String code, String text, Violations v) {
        if (code == null || !DIGITS4.matcher(code).matches()) {
            v.add("code", "a wage type code is 4 digits, was " + InputRules.quote(code));
        }
        length(v, null, "text", text, 1, TEXT_MAX);
    }

    // ------------------------------------------------------------------ charts

    static void chartCode(String field, String code, Violations v) {
        if (code == null || !CODE.matcher(code).matches()) {
            v.add(field, "a chart code is exactly 2 letters or digits, was " + InputRules.quote(code));
        }
    }

    static void chartHeader(String description, LocalDate validFrom, Field groupField, Violations v) {
        length(v, null, "description", description, 1, DESCRIPTION_MAX);
        if (validFrom == null) {
            v.add("validFrom", "validFrom is required (a date such as 2026-01-01)");
        }
        if (groupField != null && !Field.GROUP_FIELDS.contains(groupField)) {
            v.add("groupField", "groupField must be one of " + keys(Field.GROUP_FIELDS) + " or absent, was '"
                    + groupField.key() + "'");
        }
    }

    /** Validates lines as sent and, if each is valid, the rules over all lines of the chart. */
    static List<ChartLine> lines(List<LineInput> inputs, List<Integer> where, Field groupField, Violations v) {
        if (inputs.size() > MAX_LINES) {
            v.add("lines", "a chart has at most " + MAX_LINES + " lines, this has " + inputs.size());
            return List.of();
        }
        List<ChartLine> lines = new ArrayList<>();
        int before = v.size();
        for (int i = 0; i < inputs.size(); i++) {
            lines.add(line(inputs.get(i), where.get(i), v));
        }
        if (v.size() == before) {
            chartLines(lines, where, groupField, v);
        }
        return lines;
    }

    /** The rules over all lines of a chart: the group pattern needs a group field; one seq per wage type in a group posting. */
    static void chartLines(List<ChartLine> lines, List<Integer> where, Field groupField, Violations v) {
        if (lines.size() > MAX_LINES) {
            v.add("lines", "a chart has at most " + MAX_LINES + " lines, this has " + lines.size());
        }
        if (groupField == null) {
            for (int i = 0; i < lines.size(); i++) {
                if (!Patterns.ANY.equals(lines.get(i).group())) {
                    v.add(where.get(i), "group", "the chart has no group field, so group must be *, was '"
                            + lines.get(i).group() + "'; set the chart's groupField first");
                }
            }
            return;
        }
        Map<String, Map<Integer, List<Integer>>> seqs = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            seqs.computeIfAbsent(lines.get(i).wageType(), w -> new LinkedHashMap<>())
                    .computeIfAbsent(lines.get(i).seq(), s -> new ArrayList<>()).add(where.get(i));
        }
        seqs.forEach((wageType, bySeq) -> {
            if (bySeq.size() > 1) {
                Integer line = bySeq.values().stream().skip(1).findFirst().orElseThrow().get(0);
                v.add(line, "seq", "in a chart with a group field all lines of one wage type share one seq (SPEC 4.1), but "
                        + "wage type " + wageType + " has " + bySeq.entrySet().stream()
                        .map(e -> "seq " + e.getKey() + " on line" + (e.getValue().size() > 1 ? "s " : " ")
                                + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining(" and ")));
            }
        });
    }

    /** One line; {@code where} is the line's position (CSV line or array position) for the error report. */
    static ChartLine line(LineInput in, Integer where, Violations v) {
        if (in == null) {
            v.add(where, null, "the line is empty (null)");
            return null;
        }
        String group = blankToNull(in.group()) == null ? Patterns.ANY : in.group().strip();
        if (!Patterns.ANY.equals(group) && (!Patterns.wellFormed(group) || group.length() > GROUP_MAX || hasControl(group))) {
            v.add(where, "group", "group must be * or a pattern of at most " + GROUP_MAX
                    + " characters with * only on the right (e.g. 10**), was " + InputRules.quote(group));
        }
        String wageType = blankToNull(in.wageType());
        if (wageType == null || wageType.length() != 4 || !WAGE_TYPE_PATTERN.matcher(wageType).matches()) {
            v.add(where, "wageType", "wageType must be 4 digits or a pattern of 4 with * only on the right (e.g. 13**), was "
                    + InputRules.quote(in.wageType()));
        }
        int seq = seq(blankToNull(in.seq()));
        if (seq == 0) {
            v.add(where, "seq", "seq must be a whole number 1..99, was " + (in.seq() == null ? "missing" : InputRules.quote(in.seq())));
        }
        String sideText = blankToNull(in.side());
        Side side = "D".equalsIgnoreCase(sideText) ? Side.D : "K".equalsIgnoreCase(sideText) ? Side.K : null;
        if (side == null) {
            v.add(where, "side", "side must be D (debit) or K (credit), was " + InputRules.quote(in.side()));
        }
        String account = blankToNull(in.account());
        // the account as sent: " x" is not the account x (the ledger would refuse it at approval)
        if (account == null || !account.equals(in.account()) || !ACCOUNT.matcher(account).matches() || !InputRules.isAccount(account)) {
            v.add(where, "account", "account must be 1..20 letters, digits, '.' or '_', in segments joined by '-', was "
                    + InputRules.quote(in.account()));
        }
        String text = blankToNull(in.text());
        if (text != null && (text.length() > TEXT_MAX || hasControl(text))) {
            v.add(where, "text", "text must be at most " + TEXT_MAX + " characters without line breaks (blank: the wage"
                    + " type's text), was " + text.length());
        }
        String deptCode = code(v, where, "deptCode", in.deptCode(), 6, ChartLine.ANS);
        String payoutCode = code(v, where, "payoutCode", in.payoutCode(), 6, ChartLine.ANS);
        String inputValueCode = code(v, where, "inputValueCode", in.inputValueCode(), 10, ChartLine.LOENOPL);
        String[] optionals = {in.optional1(), in.optional2(), in.optional3(), in.optional4(), in.optional5(), in.optional6()};
        for (int i = 0; i < optionals.length; i++) {
            optionals[i] = code(v, where, "optional" + (i + 1), optionals[i], 10, ChartLine.ANS);
        }
        String employeeNoText = blankToNull(in.employeeNo());
        boolean employeeNo = employeeNoText != null && List.of("yes", "true").contains(employeeNoText.toLowerCase());
        if (employeeNoText != null && !employeeNo && !List.of("no", "false").contains(employeeNoText.toLowerCase())) {
            v.add(where, "employeeNo", "employeeNo must be yes or no (blank: no), was " + InputRules.quote(in.employeeNo()));
        }
        Usage usage = Usage.VOUCHER_AND_CENTRAL;
        if (blankToNull(in.usage()) != null) {
            try {
                usage = Usage.valueOf(in.usage().strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                usage = null;
                v.add(where, "usage", "usage must be one of " + Arrays.toString(Usage.values()) + ", was " + InputRules.quote(in.usage()));
            }
        }
        return new ChartLine(group, wageType, seq, side, account, text, deptCode, payoutCode,
                inputValueCode, optionals[0], optionals[1], optionals[2], optionals[3], optionals[4], optionals[5],
                employeeNo, usage);
    }

    /** 1..99, or 0 for anything else. */
    private static int seq(String text) {
        if (text == null || !text.matches("\\d{1,2}")) {
            return 0;
        }
        return Integer.parseInt(text);
    }

    /** A code cell: blank, the keyword, or a constant of at most {@code max} characters. */
    private static String code(Violations v, Integer where, String field, String value, int max, String keyword) {
        String code = blankToNull(value);
        if (code != null && !code.equals(keyword) && (code.length() > max || hasControl(code))) {
            v.add(where, field, field + " must be " + keyword + ", blank or a constant of at most " + max
                    + " characters, was " + InputRules.quote(code) + " (" + code.length() + ")");
        }
        return code;
    }

    // ------------------------------------------------------------------ sorting codes

    static void sortingCode(String code, String description, List<Field> fields, Violations v) {
        if (code == null || !CODE.matcher(code).matches()) {
            v.add("code", "a sorting code is exactly 2 letters or digits, was " + InputRules.quote(code));
        }
        length(v, null, "description", description, 1, DESCRIPTION_MAX);
        if (fields == null || fields.isEmpty()) {
            v.add("fields", "fields must list at least one field, in order, from " + keys(Arrays.asList(Field.values())));
        } else if (fields.stream().anyMatch(java.util.Objects::isNull)) {
            v.add("fields", "fields must not contain null");
        } else if (new HashSet<>(fields).size() != fields.size()) {
            v.add("fields", "fields must not repeat a field, were " + keys(fields));
        }
    }

    // ------------------------------------------------------------------ employers and employees

    static void employer(String employerId, String name, String sortingCode, List<Employer.ChartPeriod> periods, Violations v) {
        if (employerId == null || !EMPLOYER_ID.matcher(employerId).matches() || !InputRules.isId(employerId)) {
            v.add("employerId", "an employer id is 1..40 letters, digits, '.', '_' or '-', not only dots, was "
                    + InputRules.quote(employerId));
        }
        length(v, null, "name", name, 1, 60);
        if (blankToNull(sortingCode) == null) {
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
                chartCode(field + ".chartCode", period.chartCode(), v);
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
                    chartCode("employment[" + i + "].deviatingChart", e.deviatingChart(), v);
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
        if (d.wageType() == null || !DIGITS4.matcher(d.wageType()).matches()) {
            v.add(where, prefix + "wageType", "wageType must be 4 digits, was " + InputRules.quote(d.wageType()));
        }
        if (d.from() == null) {
            v.add(where, prefix + "from", "from is required");
        } else if (d.to() != null && d.to().isBefore(d.from())) {
            v.add(where, prefix + "to", "to (" + d.to() + ") must not be before from (" + d.from() + ")");
        }
        if (d.field() == null || !Field.DISTRIBUTION_FIELDS.contains(d.field())) {
            v.add(where, prefix + "field", "field must be one of " + keys(Field.DISTRIBUTION_FIELDS) + ", was '"
                    + (d.field() == null ? null : d.field().key()) + "'");
        } else if (!sortingCode.fields().contains(d.field())) {
            v.add(where, prefix + "field", "field " + InputRules.quote(d.field().key()) + " is not in the employer's sorting code "
                    + sortingCode.code() + " " + keys(sortingCode.fields()) + "; a distribution can only use a field of"
                    + " the sorting code (SPEC 4.3)");
        }
        length(v, where, prefix + "value", d.value(), 1, 10);
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

    // ------------------------------------------------------------------ helpers

    private static void length(Violations v, Integer where, String field, String value, int min, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() < min || stripped.length() > max || hasControl(stripped)) {
            v.add(where, field, field + " must be " + min + ".." + max + " characters without line breaks, was "
                    + (value == null ? "missing" : stripped.length() + ""));
        }
    }

    private static boolean hasControl(String value) {
        return CONTROL.matcher(value).find();
    }

    static String keys(java.util.Collection<Field> fields) {
        return fields.stream().map(Field::key).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Line numbers 1..n: where the lines of a JSON array or a stored chart are. */
    static List<Integer> lineNumbers(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }
}
