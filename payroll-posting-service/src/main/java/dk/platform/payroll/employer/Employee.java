package dk.platform.payroll.employer;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** An employee of an employer, with dated employment data and cost distributions. */
public record Employee(String employerId, String employeeNo, List<Employment> employment,
                       List<CostDistribution> distributions, long revision) {

    public Employee {
        employment = employment.stream().sorted(Comparator.comparing(Employment::from)).toList();
        distributions = List.copyOf(distributions == null ? List.of() : distributions);
    }

    /** The employment in force on a date; before the first version, the first version. */
    public Employment on(LocalDate date) {
        Employment current = employment.get(0);
        for (Employment version : employment) {
            if (!version.from().isAfter(date)) {
                current = version;
            }
        }
        return current;
    }

    public List<CostDistribution> distributionsOf(String wageType, LocalDate date) {
        return distributions.stream().filter(d -> d.appliesTo(wageType, date)).toList();
    }
}
