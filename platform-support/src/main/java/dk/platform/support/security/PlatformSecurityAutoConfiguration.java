package dk.platform.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Every app's REST API behind an identity (issue 10): bearer JWTs (OAuth2 resource server: RSA
 * signature, issuer, audience, expiry; roles from the {@code roles} claim) or static API keys
 * ({@code X-Api-Key}, stored hashed). Health, the OpenAPI docs and Swagger UI stay open;
 * everything else follows the app's {@link AccessRules}, and a path under {@code /api/} that no
 * rule names is refused.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformSecurityAutoConfiguration.class);
    private static final java.util.regex.Pattern SUBJECT = java.util.regex.Pattern.compile("[^\\p{Cntrl}]{1,200}");

    @Bean
    @ConditionalOnMissingBean
    AccessRules accessRules() {
        return new AccessRules();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
        PlatformSecurityProperties.Jwt jwt = properties.getJwt();
        NimbusJwtDecoder decoder;
        if (jwt.getJwkSetUri() != null && !jwt.getJwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
        } else if (jwt.getPublicKey() != null && !jwt.getPublicKey().isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(rsaPublicKey(jwt.getPublicKey())).build();
        } else {
            log.warn("no token issuer configured (platform.security.jwt.public-key or jwk-set-uri): bearer tokens are refused,"
                    + " only API keys are accepted");
            return token -> {
                throw new JwtException("no token issuer is configured");
            };
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(jwt.getIssuer()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(jwt.getAudience())),
                // the default validators check exp only when it is there: a token without one would never expire
                new JwtClaimValidator<Object>("exp", exp -> exp != null),
                // the subject is who the record names (SPEC §6): one line of printable text
                new JwtClaimValidator<Object>("sub", sub -> sub instanceof String s && SUBJECT.matcher(s).matches() && !s.isBlank())));
        return decoder;
    }

    /** Requests the firewall refuses (encoded slash, '..', NUL) answered as problem+json, not as the container's error page. */
    @Bean
    @ConditionalOnMissingBean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return new SecurityProblems(json);
    }

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, AccessRules rules, JwtDecoder jwtDecoder,
                                         PlatformSecurityProperties properties, ObjectMapper json) throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(roles);

        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(jwtDecoder).jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyFilter(new ApiKeys(properties.getApiKeys()), problems),
                        BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(a -> {
                    a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error",
                            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    for (AccessRules.Rule rule : rules.rules()) {
                        String[] names = rule.roles().stream().map(Role::id).toArray(String[]::new);
                        a.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(names);
                    }
                    a.requestMatchers("/actuator/**").hasAnyRole(Role.ADMIN.id(), Role.AUDITOR.id());
                    a.anyRequest().denyAll();
                });
        return http.build();
    }

    /** Swagger UI's "Authorize": a bearer token or an API key, required by every operation. */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer securitySchemes() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new io.swagger.v3.oas.models.Components());
            }
            api.getComponents()
                    .addSecuritySchemes("bearer", new io.swagger.v3.oas.models.security.SecurityScheme()
                            .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                            .description("A token of the organisation's issuer (deploy/run-local.sh prints one per role)"))
                    .addSecuritySchemes("apiKey", new io.swagger.v3.oas.models.security.SecurityScheme()
                            .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY)
                            .in(io.swagger.v3.oas.models.security.SecurityScheme.In.HEADER).name(ApiKeyFilter.HEADER)
                            .description("A static API key (configured by its SHA-256)"));
            api.addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("bearer"));
            api.addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("apiKey"));
        };
    }

    static RSAPublicKey rsaPublicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("platform.security.jwt.public-key is not an RSA public key in PEM (BEGIN PUBLIC KEY)", e);
        }
    }
}
