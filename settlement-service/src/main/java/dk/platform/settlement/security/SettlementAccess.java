package dk.platform.settlement.security;

import dk.platform.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dk.platform.support.security.Role.AUDITOR;
import static dk.platform.support.security.Role.SETTLEMENT;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may call what on the settlement service (issue 10; the table is in the README): settlement
 * staff submit statements; they and auditors read statements and open items. The first matching
 * rule decides; any other call under /api/ is refused.
 */
@Configuration
class SettlementAccess {

    @Bean
    AccessRules settlementAccessRules() {
        return new AccessRules()
                .allow(POST, "/api/settlements", SETTLEMENT)
                .read("/api/**", SETTLEMENT, AUDITOR);
    }
}
