package dk.platform.payroll.posting;

import dk.platform.payroll.chart.Chart;
import dk.platform.payroll.employer.Employer;
import dk.platform.payroll.employer.SortingCode;

import java.time.LocalDate;
import java.util.Map;

/**
 * Everything a voucher is generated from besides the run's lines: the employer, its sorting code,
 * the charts by code (the employer's and any deviating ones), the wage-type texts, the date that
 * decides which chart and which employment data are in force (the earliest period end of the run),
 * and the setup revision this was read at.
 */
public record PostingSetup(Employer employer, SortingCode sortingCode, Map<String, Chart> charts,
                           Map<String, String> wageTypeTexts, LocalDate referenceDate, long setupRevision) {
}
