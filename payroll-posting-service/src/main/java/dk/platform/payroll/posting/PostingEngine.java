package dk.platform.payroll.posting;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.chart.Chart;
import dk.platform.payroll.chart.ChartLine;
import dk.platform.payroll.chart.Patterns;
import dk.platform.payroll.chart.Side;
import dk.platform.payroll.chart.Usage;
import dk.platform.payroll.employer.ChartInForce;
import dk.platform.payroll.employer.CostDistribution;
import dk.platform.payroll.employer.Employee;
import dk.platform.payroll.employer.Employment;
import dk.platform.payroll.setup.Field;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns a payroll run's lines, one at a time, into a posting voucher by SPEC §4: the chart of the
 * employee (deviating or the employer's), the most specific matching chart lines (all their
 * sequence numbers), group posting, ANS/constant/blank codes, cost distributions (the rest to the
 * last share, so no øre is lost; a fixed amount never moves more than the line's amount), input
 * posting (a blank override is no override), and negative net pay moved by wage type 9994 when
 * the chart has it. A chart line's wage-type pattern is as long as the wage type (a lone {@code *}
 * is a catch-all for groups only). {@link #finish()} ends the run: it answers the same voucher
 * each time, and no line can be posted after it. Memory grows with the number of distinct voucher
 * lines and employees, not with the number of run lines; each posting can be streamed to a spec
 * consumer as it happens.
 */
public final class PostingEngine {

    public static final String NET_PAY = "9991";
    public static final String NEGATIVE_NET_PAY = "9994";

    private static final Field[] FIELDS = Field.values();

    private final PostingSetup setup;
    private final Function<String, Employee> employees;
    private final Consumer<SpecRow> spec;
    private final List<Field> sortFields;
    private final Map<String, Selection> selections = new HashMap<>();
    private final Map<Key, long[]> sums = new HashMap<>();
    private final Map<String, long[]> netPay = new LinkedHashMap<>();
    private final Map<String, CauseTally> causes = new TreeMap<>();
    private final Map<String, Set<String>> employeesByChart = new TreeMap<>();
    private long runLines;
    private Voucher finished;

    public PostingEngine(PostingSetup setup, Function<String, Employee> employees, Consumer<SpecRow> spec) {
        this.setup = setup;
        this.employees = employees;
        this.spec = spec == null ? row -> { } : spec;
        this.sortFields = setup.sortingCode().fields();
    }

    /** Posts one run line; not after {@link #finish()}. */
    public void post(RunLine line) {
        if (finished != null) {
            throw new IllegalStateException("the voucher is finished; post every run line before finish()");
        }
        runLines++;
        Employee employee = employees.apply(line.employeeNo());
        if (employee == null) {
            unposted(line, "UNKNOWN_EMPLOYEE", "", "employee is not registered with the employer");
            return;
        }
        Employment employment = employee.on(setup.referenceDate());
        Chart chart = chartOf(employment);
        if (chart == null) {
            unposted(line, "CHART_NOT_VALID", chartCodeOf(employment),
                    "chart " + chartCodeOf(employment) + " is missing or not valid on " + setup.referenceDate());
            return;
        }
        employeesByChart.computeIfAbsent(chart.code(), c -> new LinkedHashSet<>()).add(line.employeeNo());
        if (NET_PAY.equals(line.wageType())) {
            netPay.computeIfAbsent(line.employeeNo(), e -> new long[1])[0] += cents(line.amount());
        }
        for (Share share : shares(line, employee)) {
            postShare(line, line.amount(), share, employment, chart);
        }
    }

    /** The voucher of the lines posted; calling it again answers the same voucher (negative net pay is moved once). */
    public Voucher finish() {
        if (finished == null) {
            finished = voucher();
        }
        return finished;
    }

    private Voucher voucher() {
        List<Voucher.NetPay> negative = new ArrayList<>();
        for (Map.Entry<String, long[]> net : netPay.entrySet()) {
            if (net.getValue()[0] < 0) {
                Money amount = money(net.getValue()[0]);
                String account = moveNegativeNetPay(net.getKey(), amount);
                negative.add(new Voucher.NetPay(net.getKey(), amount, account,
                        employees.apply(net.getKey()).on(setup.referenceDate()).resigned()));
            }
        }
        List<VoucherLine> lines = new ArrayList<>(sums.size());
        long all = 0;
        for (Map.Entry<Key, long[]> sum : sums.entrySet()) {
            long cents = sum.getValue()[0];
            all += cents;
            if (cents != 0) {
                Key key = sum.getKey();
                lines.add(new VoucherLine(key.text, key.values, key.account, cents > 0 ? money(cents) : null,
                        cents < 0 ? money(-cents) : null, key.usage, key.total));
            }
        }
        lines.sort(VOUCHER_ORDER);
        Totals voucher = Totals.ZERO;
        Totals spreadsheet = Totals.ZERO;
        Totals central = Totals.ZERO;
        for (VoucherLine line : lines) {
            voucher = line.usage().onVoucher() ? voucher.add(line) : voucher;
            spreadsheet = line.usage().onSpreadsheet() ? spreadsheet.add(line) : spreadsheet;
            central = line.usage().central() ? central.add(line) : central;
        }
        Money difference = money(all);
        List<DifferenceCause> causeList = new ArrayList<>(causes.values().stream().map(CauseTally::cause).toList());
        if (!difference.isZero() && causeList.stream().noneMatch(c -> !c.amount().isZero())) {
            causeList.add(new DifferenceCause("AMOUNTS", null, null, difference, 0, List.of(),
                    "the run's amounts do not balance under the chart: debit minus credit is " + difference));
        }
        List<Voucher.ChartUse> charts = employeesByChart.entrySet().stream()
                .map(e -> new Voucher.ChartUse(e.getKey(), setup.charts().get(e.getKey()).revision(), e.getValue().size()))
                .toList();
        int employeeCount = employeesByChart.values().stream().mapToInt(Set::size).sum();
        return new Voucher(setup.sortingCode().code(), sortFields, setup.sortingCode().pageBreak(), lines, voucher,
                spreadsheet, central, difference, causeList, charts, runLines, employeeCount, negative);
    }

    /**
     * Negative net pay goes by 9994 when the employee's chart has it (D the 9991 account, K the
     * negative-pay account). Answers the account the negative net pay ends up debited to: the
     * account of the credit-side line of 9994, or else of 9991 (null if the chart has neither).
     */
    private String moveNegativeNetPay(String employeeNo, Money amount) {
        Employee employee = employees.apply(employeeNo);
        Employment employment = employee.on(setup.referenceDate());
        Chart chart = chartOf(employment);
        String[] values = valuesOf(employment, RunLine.Overrides.NONE, null);
        Selection negativePay = selectionFor(chart, NEGATIVE_NET_PAY, groupValue(chart, values));
        if (!negativePay.lines.isEmpty()) {
            RunLine moved = new RunLine(employeeNo, NEGATIVE_NET_PAY, amount, RunLine.Overrides.NONE);
            postShare(moved, amount, new Share(amount, null, null), employment, chart);
            return creditAccount(negativePay);
        }
        return creditAccount(selectionFor(chart, NET_PAY, groupValue(chart, values)));
    }

    private static String creditAccount(Selection selection) {
        return selection.lines.stream().filter(n -> n.line.side() == Side.K).map(n -> n.line.account()).findFirst()
                .orElse(null);
    }

    /** The account an employee's net pay (9991) is credited to: where a payout is reduced by an offset (null if none). */
    public String netPayAccount(String employeeNo) {
        Employee employee = employees.apply(employeeNo);
        if (employee == null) {
            return null;
        }
        Employment employment = employee.on(setup.referenceDate());
        Chart chart = chartOf(employment);
        return chart == null ? null
                : creditAccount(selectionFor(chart, NET_PAY, groupValue(chart, valuesOf(employment, RunLine.Overrides.NONE, null))));
    }

    /** An employee's net pay in this run: the total of their 9991 lines (zero if none). */
    public Money netPay(String employeeNo) {
        long[] cents = netPay.get(employeeNo);
        return cents == null ? Money.ZERO : money(cents[0]);
    }

    private void postShare(RunLine line, Money amount, Share share, Employment employment, Chart chart) {
        String[] values = valuesOf(employment, line.overrides(), share);
        Selection selection = selectionFor(chart, line.wageType(), groupValue(chart, values));
        if (selection.lines.isEmpty()) {
            tally("NOT_IN_CHART", line.wageType(), chart.code(), line.employeeNo(), share.amount,
                    "wage type " + line.wageType() + " has no line in chart " + chart.code());
            spec.accept(new SpecRow(line.employeeNo(), line.wageType(), amount, chart.code(), null, null, share.amount,
                    null, null, null, null, null, "NOT IN CHART: makes a difference"));
            return;
        }
        if (selection.unbalanced) {
            tally("UNBALANCED_SEQUENCES", line.wageType(), chart.code(), line.employeeNo(),
                    money(cents(share.amount) * selection.debitsLessCredits()),
                    "wage type " + line.wageType() + " is posted " + selection.lines.size()
                            + " times in chart " + chart.code() + " but not as often on debit as on credit");
        }
        long shareCents = cents(share.amount);
        for (Numbered numbered : selection.lines) {
            ChartLine chartLine = numbered.line;
            String account = chartLine.side() == Side.D && !blank(line.overrides().account())
                    ? line.overrides().account() : chartLine.account();
            long signed = chartLine.side() == Side.D ? shareCents : -shareCents;
            boolean[] specific = new boolean[1];
            List<String> keyValues = sortValues(chartLine, chart, values, line, account, specific);
            String text = blank(chartLine.text()) ? setup.wageTypeTexts().getOrDefault(line.wageType(), line.wageType())
                    : chartLine.text();
            Key key = new Key(chartLine.usage(), !specific[0], text, keyValues, account);
            sums.computeIfAbsent(key, k -> new long[1])[0] += signed;
            Money posted = money(Math.abs(signed));
            spec.accept(new SpecRow(line.employeeNo(), line.wageType(), amount, chart.code(), numbered.number,
                    (blank(chartLine.group()) ? Patterns.ANY : chartLine.group()) + "/" + chartLine.wageType() + "/" + chartLine.seq() + "/" + chartLine.side(),
                    share.amount, text, keyValues, account, signed >= 0 ? posted : null, signed < 0 ? posted : null,
                    null));
        }
    }

    private List<String> sortValues(ChartLine chartLine, Chart chart, String[] values, RunLine line, String account,
                                    boolean[] specific) {
        String[] out = new String[sortFields.size()];
        for (int i = 0; i < out.length; i++) {
            Field field = sortFields.get(i);
            String code = switch (field) {
                case DEPARTMENT -> chartLine.deptCode();
                case PAYOUT_PLACE -> chartLine.payoutCode();
                case OPTIONAL1, OPTIONAL2, OPTIONAL3, OPTIONAL4, OPTIONAL5, OPTIONAL6 ->
                        chartLine.optionals().get(field.optionalIndex());
                default -> null;
            };
            out[i] = switch (field) {
                case ACCOUNT -> account;
                case EMPLOYEE_NO -> chartLine.employeeNo() ? flag(specific, line.employeeNo()) : null;
                case INPUT_VALUE_CODE -> blank(chartLine.inputValueCode()) ? null
                        : ChartLine.LOENOPL.equals(chartLine.inputValueCode())
                        ? flag(specific, line.overrides().inputValue()) : chartLine.inputValueCode();
                case PAY_TYPE, PAY_GROUP, JOB_CATEGORY -> field == chart.groupField()
                        ? flag(specific, values[field.ordinal()]) : null;
                default -> blank(code) ? null : ChartLine.ANS.equals(code) ? flag(specific, values[field.ordinal()]) : code;
            };
        }
        return Arrays.asList(out);
    }

    private static String flag(boolean[] specific, String value) {
        specific[0] = true;
        return value;
    }

    /** The employee's field values, then a distribution's value, then the run line's input posting (blank: none). */
    private static String[] valuesOf(Employment employment, RunLine.Overrides overrides, Share share) {
        String[] values = new String[FIELDS.length];
        for (Field field : FIELDS) {
            values[field.ordinal()] = employment.value(field);
        }
        if (share != null && share.field != null) {
            values[share.field.ordinal()] = share.value;
        }
        set(values, Field.DEPARTMENT, overrides.department());
        set(values, Field.PAYOUT_PLACE, overrides.payoutPlace());
        for (int i = 0; i < 6; i++) {
            set(values, Field.optional(i), overrides.optional(i));
        }
        return values;
    }

    private static void set(String[] values, Field field, String override) {
        if (!blank(override)) {
            values[field.ordinal()] = override;
        }
    }

    /**
     * The cost distributions of the line's wage type split its amount; a field the line overrides
     * is not distributed. Percent shares are taken of the whole amount and rounded half-up to the
     * øre; fixed amounts follow, in the amount's sign, each at most what the shares before it left
     * (a split never moves more than the amount: a 0.00 line moves nothing, a 100.00 line with a
     * fixed 250.00 moves 100.00). What is left stays with the employee's own value, or, when only
     * percents making 100 are in force, goes to the last share.
     */
    private List<Share> shares(RunLine line, Employee employee) {
        List<CostDistribution> distributions = employee.distributionsOf(line.wageType(), setup.referenceDate()).stream()
                .filter(d -> !overridden(line.overrides(), d.field())).toList();
        if (distributions.isEmpty()) {
            return List.of(new Share(line.amount(), null, null));
        }
        List<Share> shares = new ArrayList<>();
        BigDecimal amount = line.amount().value();
        BigDecimal rest = amount;
        BigDecimal percents = BigDecimal.ZERO;
        for (CostDistribution d : distributions) {
            if (d.amount() == null) {
                percents = percents.add(d.percent());
                BigDecimal part = amount.multiply(d.percent()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                rest = rest.subtract(part);
                shares.add(new Share(new Money(part), d.field(), d.value()));
            }
        }
        boolean fixed = false;
        BigDecimal sign = BigDecimal.valueOf(amount.signum());
        for (CostDistribution d : distributions) {
            if (d.amount() != null) {
                fixed = true;
                BigDecimal left = rest.multiply(sign).max(BigDecimal.ZERO);
                BigDecimal part = d.amount().value().max(BigDecimal.ZERO).min(left).multiply(sign);
                rest = rest.subtract(part);
                shares.add(new Share(new Money(part), d.field(), d.value()));
            }
        }
        if (rest.signum() != 0) {
            if (!fixed && percents.compareTo(BigDecimal.valueOf(100)) == 0) {
                Share last = shares.remove(shares.size() - 1);
                shares.add(new Share(last.amount.plus(new Money(rest)), last.field, last.value));
            } else {
                shares.add(new Share(new Money(rest), null, null));
            }
        }
        return shares;
    }

    private static boolean overridden(RunLine.Overrides overrides, Field field) {
        return switch (field) {
            case DEPARTMENT -> !blank(overrides.department());
            case PAYOUT_PLACE -> !blank(overrides.payoutPlace());
            default -> field.optionalIndex() >= 0 && !blank(overrides.optional(field.optionalIndex()));
        };
    }

    private Chart chartOf(Employment employment) {
        return ChartInForce.forEmployee(setup.employer(), employment, setup.referenceDate(), setup.charts());
    }

    private String chartCodeOf(Employment employment) {
        return ChartInForce.codeFor(setup.employer(), employment, setup.referenceDate());
    }

    private static String groupValue(Chart chart, String[] values) {
        return chart.groupField() == null ? null : values[chart.groupField().ordinal()];
    }

    private Selection selectionFor(Chart chart, String wageType, String group) {
        return selections.computeIfAbsent(chart.code() + '\u0000' + wageType + '\u0000' + group,
                k -> Selection.of(chart, wageType, group));
    }

    private void unposted(RunLine line, String reason, String chart, String detail) {
        tally(reason, line.wageType(), chart, line.employeeNo(), line.amount(), detail);
        spec.accept(new SpecRow(line.employeeNo(), line.wageType(), line.amount(), chart, null, null, line.amount(), null,
                null, null, null, null, reason + ": " + detail));
    }

    private void tally(String reason, String wageType, String chart, String employeeNo, Money amount, String detail) {
        causes.computeIfAbsent(reason + '\u0000' + wageType + '\u0000' + chart,
                k -> new CauseTally(reason, wageType, chart, detail)).add(employeeNo, amount);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static long cents(Money money) {
        return money.value().unscaledValue().longValueExact();
    }

    private static Money money(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2));
    }

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Totals first, then by the sorting fields in order, then account and text. */
    static final Comparator<VoucherLine> VOUCHER_ORDER = (a, b) -> {
        int c = Boolean.compare(b.total(), a.total());
        for (int i = 0; c == 0 && i < a.values().size(); i++) {
            c = NULLS_FIRST.compare(a.values().get(i), b.values().get(i));
        }
        c = c != 0 ? c : a.account().compareTo(b.account());
        c = c != 0 ? c : a.text().compareTo(b.text());
        return c != 0 ? c : a.usage().compareTo(b.usage());
    };

    private record Key(Usage usage, boolean total, String text, List<String> values, String account) {
    }

    private record Share(Money amount, Field field, String value) {
    }

    private record Numbered(int number, ChartLine line) {
    }

    /**
     * The chart lines that post a wage type for a group value: all lines of the most specific
     * match. A blank group is {@code *}, as the chart setup stores it.
     */
    private record Selection(List<Numbered> lines, boolean unbalanced) {

        /** How many more lines debit than credit: what an unbalanced wage type adds to the difference, per krone. */
        long debitsLessCredits() {
            long debits = lines.stream().filter(n -> n.line.side() == Side.D).count();
            return debits - (lines.size() - debits);
        }

        static Selection of(Chart chart, String wageType, String group) {
            List<Numbered> best = new ArrayList<>();
            long bestOpenness = Long.MAX_VALUE;
            List<ChartLine> lines = chart.lines();
            for (int i = 0; i < lines.size(); i++) {
                ChartLine line = lines.get(i);
                String groupPattern = blank(line.group()) ? Patterns.ANY : line.group().strip();
                if (!Patterns.matchesWageType(line.wageType(), wageType) || !Patterns.matches(groupPattern, group)) {
                    continue;
                }
                // the wage type's pattern decides first, the group's second
                long openness = (long) Patterns.openness(line.wageType()) * Integer.MAX_VALUE
                        + Patterns.openness(groupPattern);
                if (openness < bestOpenness) {
                    best.clear();
                    bestOpenness = openness;
                }
                if (openness == bestOpenness) {
                    best.add(new Numbered(i + 1, line));
                }
            }
            best.sort(Comparator.comparingInt((Numbered n) -> n.line.seq()).thenComparingInt(n -> n.number));
            long debits = best.stream().filter(n -> n.line.side() == Side.D).count();
            return new Selection(List.copyOf(best), best.size() > 1 && debits * 2 != best.size());
        }
    }

    private static final class CauseTally {
        private final String reason;
        private final String wageType;
        private final String chart;
        private final String detail;
        private final Set<String> employees = new LinkedHashSet<>();
        private long cents;

        CauseTally(String reason, String wageType, String chart, String detail) {
            this.reason = reason;
            this.wageType = wageType;
            this.chart = chart;
            this.detail = detail;
        }

        void add(String employeeNo, Money amount) {
            cents += cents(amount);
            employees.add(employeeNo);
        }

        DifferenceCause cause() {
            return new DifferenceCause(reason, wageType, chart, money(cents), employees.size(),
                    employees.stream().limit(DifferenceCause.NAMED).toList(), detail);
        }
    }
}
