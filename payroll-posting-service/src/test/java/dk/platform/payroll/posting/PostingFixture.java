package dk.platform.payroll.posting;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.chart.Chart;
import dk.platform.payroll.chart.ChartLine;
import dk.platform.payroll.chart.Side;
import dk.platform.payroll.chart.Usage;
import dk.platform.payroll.employer.CostDistribution;
import dk.platform.payroll.employer.Employee;
import dk.platform.payroll.employer.Employer;
import dk.platform.payroll.employer.Employment;
import dk.platform.payroll.employer.SortingCode;
import dk.platform.payroll.setup.Field;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small world to post payroll runs in: charts, employees, an employer (chart periods) and a
 * sorting code, with builders short enough that a test shows only what it is about. Defaults: the
 * employer posts by chart A1 from 2026-01-01, the sorting code is DEPARTMENT, the reference date
 * (the run's earliest period end) is 2026-10-31, and every chart is valid from 2026-01-01.
 */
final class PostingFixture {

    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 10, 31);
    static final LocalDate CHARTS_FROM = LocalDate.of(2026, 1, 1);

    final Map<String, Chart> charts = new LinkedHashMap<>();
    final Map<String, Employee> employees = new LinkedHashMap<>();
    final Map<String, String> wageTypeTexts = new HashMap<>(Map.of(
            "1100", "Månedsløn", "9991", "Nettoløn", "9994", "Negativ nettoløn"));
    final List<SpecRow> spec = new ArrayList<>();
    Employer employer = new Employer("ER1", "Klinik", "S1", List.of(new Employer.ChartPeriod(CHARTS_FROM, "A1")), 1);
    SortingCode sortingCode = new SortingCode("S1", "Afdeling", List.of(Field.DEPARTMENT), false, 1);
    LocalDate referenceDate = REFERENCE_DATE;

    PostingFixture chart(Chart chart) {
        charts.put(chart.code(), chart);
        return this;
    }

    PostingFixture employee(Emp employee) {
        Employee built = employee.build();
        employees.put(built.employeeNo(), built);
        return this;
    }

    PostingFixture sortBy(Field... fields) {
        sortingCode = new SortingCode("S1", "Test", List.of(fields), false, 1);
        return this;
    }

    PostingFixture chartPeriods(Employer.ChartPeriod... periods) {
        employer = new Employer("ER1", "Klinik", "S1", List.of(periods), 1);
        return this;
    }

    PostingFixture referenceDate(LocalDate date) {
        referenceDate = date;
        return this;
    }

    PostingEngine engine() {
        return new PostingEngine(new PostingSetup(employer, sortingCode, charts, wageTypeTexts, referenceDate, 7),
                employees::get, spec::add);
    }

    Voucher run(RunLine... lines) {
        return run(List.of(lines));
    }

    Voucher run(List<RunLine> lines) {
        spec.clear();
        PostingEngine engine = engine();
        lines.forEach(engine::post);
        return engine.finish();
    }

    List<SpecRow> specOf(String employeeNo) {
        return spec.stream().filter(row -> row.employeeNo().equals(employeeNo)).toList();
    }

    // ---------------------------------------------------------------- charts and chart lines

    static Chart chart(String code, Line... lines) {
        return chart(code, CHARTS_FROM, null, lines);
    }

    static Chart chart(String code, LocalDate validFrom, Field groupField, Line... lines) {
        return new Chart(code, "Kontoplan " + code, validFrom, groupField, Chart.STANDARD.equals(code),
                Arrays.stream(lines).map(Line::build).toList(), code.hashCode());
    }

    static Line line(String wageType, int seq, Side side, String account) {
        return new Line(wageType, seq, side, account);
    }

    static Line debit(String wageType, String account) {
        return new Line(wageType, 1, Side.D, account);
    }

    static Line credit(String wageType, String account) {
        return new Line(wageType, 1, Side.K, account);
    }

    /** A chart line under construction: group {@code *}, no fields, VOUCHER_AND_CENTRAL unless told. */
    static final class Line {
        private final String wageType;
        private final int seq;
        private final Side side;
        private final String account;
        private String group = "*";
        private String text;
        private String deptCode;
        private String payoutCode;
        private String inputValueCode;
        private final String[] optionals = new String[6];
        private boolean employeeNo;
        private Usage usage = Usage.VOUCHER_AND_CENTRAL;

        Line(String wageType, int seq, Side side, String account) {
            this.wageType = wageType;
            this.seq = seq;
            this.side = side;
            this.account = account;
        }

        Line group(String value) {
            group = value;
            return this;
        }

        Line text(String value) {
            text = value;
            return this;
        }

        Line dept(String code) {
            deptCode = code;
            return this;
        }

        Line payout(String code) {
            payoutCode = code;
            return this;
        }

        Line inputValue(String code) {
            inputValueCode = code;
            return this;
        }

        /** optional1..6 by number. */
        Line optional(int number, String code) {
            optionals[number - 1] = code;
            return this;
        }

        Line withEmployeeNo() {
            employeeNo = true;
            return this;
        }

        Line usage(Usage value) {
            usage = value;
            return this;
        }

        ChartLine build() {
            return new ChartLine(group, wageType, seq, side, account, text, deptCode, payoutCode, inputValueCode,
                    optionals[0], optionals[1], optionals[2], optionals[3], optionals[4], optionals[5], employeeNo, usage);
        }
    }

    // ---------------------------------------------------------------- employees

    static Emp employee(String employeeNo) {
        return new Emp(employeeNo);
    }

    /** An employee under construction: department 1010, payout place P1, from 2026-01-01, no distributions. */
    static final class Emp {
        private final String employeeNo;
        private String department = "1010";
        private String payoutPlace = "P1";
        private String jobCategory = "JC1";
        private String payGroup = "PG1";
        private String optional1;
        private String deviatingChart;
        private final List<CostDistribution> distributions = new ArrayList<>();
        private final List<Employment> later = new ArrayList<>();

        Emp(String employeeNo) {
            this.employeeNo = employeeNo;
        }

        Emp dept(String value) {
            department = value;
            return this;
        }

        Emp payout(String value) {
            payoutPlace = value;
            return this;
        }

        Emp jobCategory(String value) {
            jobCategory = value;
            return this;
        }

        Emp payGroup(String value) {
            payGroup = value;
            return this;
        }

        Emp optional1(String value) {
            optional1 = value;
            return this;
        }

        Emp deviatingChart(String code) {
            deviatingChart = code;
            return this;
        }

        /** From a date on, the employee is in another department (a later employment version). */
        Emp movesTo(String newDepartment, LocalDate from) {
            later.add(new Employment(from, newDepartment, payoutPlace, jobCategory, payGroup, "M", optional1, null, null,
                    null, null, null, deviatingChart, false));
            return this;
        }

        /** A percent of a wage type to a department, from 2026-01-01 without end. */
        Emp percent(String wageType, String dept, String percent) {
            return distribution(new CostDistribution(wageType, CHARTS_FROM, null, Field.DEPARTMENT, dept,
                    new BigDecimal(percent), null));
        }

        /** A fixed amount of a wage type to a department, from 2026-01-01 without end. */
        Emp fixed(String wageType, String dept, String amount) {
            return distribution(new CostDistribution(wageType, CHARTS_FROM, null, Field.DEPARTMENT, dept, null,
                    Money.of(amount)));
        }

        Emp distribution(CostDistribution distribution) {
            distributions.add(distribution);
            return this;
        }

        Employee build() {
            List<Employment> versions = new ArrayList<>();
            versions.add(new Employment(CHARTS_FROM, department, payoutPlace, jobCategory, payGroup, "M", optional1, null,
                    null, null, null, null, deviatingChart, false));
            versions.addAll(later);
            return new Employee("ER1", employeeNo, versions, distributions, 1);
        }
    }

    // ---------------------------------------------------------------- run lines and money

    static RunLine pay(String employeeNo, String wageType, String amount) {
        return new RunLine(employeeNo, wageType, Money.of(amount), null);
    }

    static RunLine pay(String employeeNo, String wageType, String amount, RunLine.Overrides overrides) {
        return new RunLine(employeeNo, wageType, Money.of(amount), overrides);
    }

    static RunLine.Overrides departmentOverride(String department) {
        return new RunLine.Overrides(department, null, null, null, null, null, null, null, null, null);
    }

    static RunLine.Overrides accountOverride(String account) {
        return new RunLine.Overrides(null, null, account, null, null, null, null, null, null, null);
    }

    static Money money(String amount) {
        return Money.of(amount);
    }

    // ---------------------------------------------------------------- reading a voucher

    /** Debit minus credit of every voucher line on an account. */
    static Money signedOn(Voucher voucher, String account) {
        return voucher.lines().stream().filter(l -> l.account().equals(account)).map(VoucherLine::signed)
                .reduce(Money.ZERO, Money::plus);
    }

    /** Debit minus credit of the voucher lines on an account whose first sorting value is {@code value}. */
    static Money signedOn(Voucher voucher, String account, String value) {
        return voucher.lines().stream()
                .filter(l -> l.account().equals(account) && Objects.equals(l.values().get(0), value))
                .map(VoucherLine::signed).reduce(Money.ZERO, Money::plus);
    }

    static List<VoucherLine> linesOn(Voucher voucher, String account) {
        return voucher.lines().stream().filter(l -> l.account().equals(account)).toList();
    }

    /** Debit minus credit of spec rows (of one employee, or all when null) on an account. */
    static Money specSignedOn(List<SpecRow> rows, String account) {
        Money sum = Money.ZERO;
        for (SpecRow row : rows) {
            if (account.equals(row.account())) {
                sum = sum.plus(row.debit() == null ? Money.ZERO : row.debit())
                        .minus(row.credit() == null ? Money.ZERO : row.credit());
            }
        }
        return sum;
    }
}
