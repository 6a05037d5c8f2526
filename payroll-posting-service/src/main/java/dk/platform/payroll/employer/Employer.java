package dk.platform.payroll.employer;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An employer: its sorting code and its chart periods (which chart is in force from when). */
public record Employer(String employerId, String name, String sortingCode, List<ChartPeriod> chartPeriods, long revision) {

    public record ChartPeriod(LocalDate from, String chartCode) {
    }

    public Employer {
        chartPeriods = chartPeriods.stream().sorted(Comparator.comparing(ChartPeriod::from)).toList();
    }

    /** The chart code in force on a date: the last period that starts on or before it. */
    public Optional<String> chartOn(LocalDate date) {
        String code = null;
        for (ChartPeriod period : chartPeriods) {
            if (!period.from().isAfter(date)) {
                code = period.chartCode();
            }
        }
        return Optional.ofNullable(code);
    }
}
