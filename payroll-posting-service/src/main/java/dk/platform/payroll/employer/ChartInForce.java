package dk.platform.payroll.employer;

import dk.platform.payroll.chart.Chart;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which chart is in force (SPEC §4.1), decided here and nowhere else:
 * <ol>
 *   <li>The date that decides is the run's <em>reference date</em>, the earliest end of its pay
 *   periods: a run paying 1.10-31.10 in arrears and 1.11-30.11 in advance uses the chart in force
 *   on 31.10. The employment data in force are also those of that date.</li>
 *   <li>The employer's chart is the one of its chart period on that date ({@link Employer#chartOn}).</li>
 *   <li>An employee whose employment names a deviating chart (afvigende kontoplan) is posted by
 *   that chart instead.</li>
 *   <li>A chart valid only from a later date is not in force: for the employer's chart the run is
 *   refused ({@link NotInForce}, a 422), for a deviating chart the employee's lines are a
 *   difference (cause {@code CHART_NOT_VALID}).</li>
 * </ol>
 */
public final class ChartInForce {

    private ChartInForce() {
    }

    /** The reference date: the earliest of the pay periods' last days. */
    public static LocalDate referenceDate(Collection<LocalDate> periodEnds) {
        return periodEnds.stream().min(LocalDate::compareTo).orElseThrow();
    }

    /** The employer's chart on the reference date; {@link NotInForce} says why there is none. */
    public static Chart ofEmployer(Employer employer, LocalDate referenceDate, Function<String, Optional<Chart>> charts) {
        String code = employer.chartOn(referenceDate).orElseThrow(() -> new NotInForce(
                "employer " + employer.employerId() + " has no chart period covering " + referenceDate));
        Chart chart = charts.apply(code).orElseThrow(() -> new NotInForce("chart " + code + " does not exist"));
        if (!validOn(chart, referenceDate)) {
            throw new NotInForce("chart " + code + " is valid from " + chart.validFrom() + ", after the run's earliest"
                    + " period end " + referenceDate);
        }
        return chart;
    }

    /** The code of the chart an employee is posted by: their deviating chart, else the employer's ("" if none). */
    public static String codeFor(Employer employer, Employment employment, LocalDate referenceDate) {
        return deviating(employment) ? employment.deviatingChart() : employer.chartOn(referenceDate).orElse("");
    }

    /** The chart an employee is posted by, from the charts read for the run; null if it is missing or not yet valid. */
    public static Chart forEmployee(Employer employer, Employment employment, LocalDate referenceDate, Map<String, Chart> charts) {
        Chart chart = charts.get(codeFor(employer, employment, referenceDate));
        return chart == null || !validOn(chart, referenceDate) ? null : chart;
    }

    /** The deviating charts that the employees' employment on the reference date names: the charts to read besides the employer's. */
    public static Set<String> deviatingCharts(Collection<Employee> employees, LocalDate referenceDate) {
        Set<String> codes = new TreeSet<>();
        for (Employee employee : employees) {
            Employment employment = employee.on(referenceDate);
            if (deviating(employment)) {
                codes.add(employment.deviatingChart());
            }
        }
        return codes;
    }

    private static boolean deviating(Employment employment) {
        return employment.deviatingChart() != null && !employment.deviatingChart().isBlank();
    }

    private static boolean validOn(Chart chart, LocalDate date) {
        return !chart.validFrom().isAfter(date);
    }

    /** No chart of the employer is in force for a run, and why. */
    public static final class NotInForce extends RuntimeException {

        NotInForce(String message) {
            super(message);
        }
    }
}
