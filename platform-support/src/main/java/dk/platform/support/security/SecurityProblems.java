package dk.platform.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.InputRules;
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
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * 401 and 403 as problem+json, like every other error: what is missing or not allowed, in words
 * a caller can act on and without library internals.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

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
                    : "the bearer token is not valid here (signature, issuer, audience, or a missing expiry or subject)";
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
                + (request.getRequestURI().length() <= 200 ? request.getRequestURI() : InputRules.quote(request.getRequestURI())), request);
    }

    /** Spring Security's firewall: an encoded slash, '..', NUL or the like in the path. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
        write(response, HttpStatus.BAD_REQUEST, "Bad request", "the request path or a header holds something this service never"
                + " accepts (an encoded slash or dot, '..', '//', a NUL or another control character)", request);
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail, HttpServletRequest request)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        String path = request.getRequestURI();
        if (path != null && path.length() <= 200 && InputRules.isPath(path)) {
            problem.setInstance(java.net.URI.create(path));
        }
        String correlationId = CorrelationIdFilter.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
