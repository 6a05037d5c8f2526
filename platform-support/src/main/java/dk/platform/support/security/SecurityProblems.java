package dk.platform.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.support.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * 401 and 403 as problem+json, like every other error: what is missing or not allowed, in words
 * a caller can act on and without library internals.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String detail;
        if (e instanceof OAuth2AuthenticationException oauth) {
            String description = String.valueOf(oauth.getError().getDescription()) + " " + e.getMessage();
            detail = description.contains("expired") ? "the bearer token has expired"
                    : "the bearer token is not valid here (signature, issuer or audience)";
        } else if (request.getHeader(ApiKeyFilter.HEADER) != null) {
            detail = "the API key is not valid";
        } else {
            detail = "authentication is required: send a bearer token (Authorization: Bearer ...) or an API key (X-Api-Key)";
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail, request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String roles = auth == null ? "" : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().collect(Collectors.joining(", "));
        write(response, HttpStatus.FORBIDDEN, "Forbidden", (auth == null ? "this identity" : "'" + auth.getName() + "'")
                + " (roles: " + (roles.isEmpty() ? "none" : roles) + ") may not " + request.getMethod() + " "
                + request.getRequestURI(), request);
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail, HttpServletRequest request)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        String correlationId = CorrelationIdFilter.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
