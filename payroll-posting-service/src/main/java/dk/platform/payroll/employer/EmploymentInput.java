package dk.platform.payroll.employer;

import java.time.LocalDate;

/** An employment version as sent: {@code resigned} may be left out (false). */
record EmploymentInput(LocalDate from, String department, String payoutPlace, String jobCategory, String payGroup,
                       String payType, String optional1, String optional2, String optional3, String optional4,
                       String optional5, String optional6, String deviatingChart, Boolean resigned) {

    Employment toEmployment() {
        return new Employment(from, department, payoutPlace, jobCategory, payGroup, payType, optional1, optional2, optional3,
                optional4, optional5, optional6, deviatingChart, Boolean.TRUE.equals(resigned));
    }
}
