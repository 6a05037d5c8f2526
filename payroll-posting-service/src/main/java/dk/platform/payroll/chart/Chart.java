package dk.platform.payroll.chart;

import dk.platform.payroll.setup.Field;

import java.time.LocalDate;
import java.util.List;

/**
 * A payroll chart of accounts (SPEC §4.1): code of 2 letters/digits, description of at most 30
 * characters, valid from a date, the group-posting field (or none) and its lines. {@code SD} is
 * the read-only standard chart. {@code revision} is the setup revision of its last change.
 */
public record Chart(String code, String description, LocalDate validFrom, Field groupField, boolean readOnly,
                    List<ChartLine> lines, long revision) {

    public static final String STANDARD = "SD";

    public Chart {
        lines = List.copyOf(lines);
    }
}
