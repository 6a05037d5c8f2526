package dk.platform.ledger.security;

import dk.platform.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dk.platform.support.security.Role.ADMIN;
import static dk.platform.support.security.Role.AUDITOR;
import static dk.platform.support.security.Role.POSTER;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may call what on the ledger (issue 10; the table is in the README): posters send commands
 * and read the views they post to; auditors read everything, including the audit history and
 * export, and send nothing; admins keep the posting definitions and funds, rebuild views and
 * replay events to subscribers. The first matching rule decides.
 */
@Configuration
class LedgerAccess {

    @Bean
    AccessRules ledgerAccessRules() {
        return new AccessRules()
                .read("/api/audit/**", AUDITOR)
                .read("/api/admin/**", ADMIN, AUDITOR)
                .any("/api/admin/**", ADMIN)
                .allow(POST, "/api/posting-definitions/preview", ADMIN, POSTER)
                .read("/api/posting-definitions/**", ADMIN, POSTER, AUDITOR)
                .any("/api/posting-definitions/**", ADMIN)
                .any("/api/funds/**", ADMIN)
                // the preview of a close answers what the close would post: for those who may close
                .allow(POST, "/api/year-end-closings/preview", POSTER)
                .read("/api/**", POSTER, AUDITOR)
                .any("/api/**", POSTER);
    }
}
