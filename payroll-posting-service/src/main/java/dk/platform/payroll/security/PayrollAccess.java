package dk.platform.payroll.security;

import dk.platform.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dk.platform.support.security.Role.ADMIN;
import static dk.platform.support.security.Role.AUDITOR;
import static dk.platform.support.security.Role.PAYROLL;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call what on the payroll service (issue 10; the table is in the README): payroll staff
 * keep the setup (employers, employees, charts, sorting codes) and run payrolls (receive,
 * approve, check, re-post); auditors read everything and change nothing; the wage-type catalogue
 * is standard data, kept by admins. The first matching rule decides.
 */
@Configuration
class PayrollAccess {

    @Bean
    AccessRules payrollAccessRules() {
        return new AccessRules()
                .allow(PUT, "/api/wage-types/**", ADMIN)
                .read("/api/**", PAYROLL, AUDITOR)
                .any("/api/**", PAYROLL);
    }
}
