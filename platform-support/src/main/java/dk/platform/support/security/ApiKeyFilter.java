package dk.platform.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Authenticates a request that carries {@code X-Api-Key}; a key that is not configured is a 401. */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    /** An identity proven by an API key. */
    static final class ApiKeyAuthentication extends AbstractAuthenticationToken {
        private final String name;

        ApiKeyAuthentication(ApiKeys.Key key) {
            super(key.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
            this.name = key.name();
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return name;
        }
    }

    private final ApiKeys keys;
    private final AuthenticationEntryPoint refuse;

    ApiKeyFilter(ApiKeys keys, AuthenticationEntryPoint refuse) {
        this.keys = keys;
        this.refuse = refuse;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        var key = keys.find(presented);
        if (key.isEmpty()) {
            SecurityContextHolder.clearContext();
            refuse.commence(request, response, new BadCredentialsException("the API key is not valid"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(key.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
