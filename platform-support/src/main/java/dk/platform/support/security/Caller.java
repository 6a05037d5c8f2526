package dk.platform.support.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/**
 * Who is calling: the authenticated subject of the current request (a token's {@code sub}, or an
 * API key's name). This, never a header or a body field, is who the record names.
 */
public final class Caller {

    private Caller() {
    }

    public static Optional<String> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated() || auth.getName() == null ? Optional.empty() : Optional.of(auth.getName());
    }

    /** The subject, or {@code fallback} outside a request (a job, a Kafka listener). */
    public static String currentOr(String fallback) {
        return current().orElse(fallback);
    }
}
