package dk.platform.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Test clients ({@code TestRestTemplate} and every RestTemplate built from the context) send the
 * all-roles test API key unless the request brings its own credentials; tests of who may do what
 * set {@code Authorization} or {@code X-Api-Key} themselves, or {@code X-Api-Key: none} to send none.
 */
@AutoConfiguration
public class TestCredentialsAutoConfiguration {

    public static final String NO_CREDENTIALS = "none";

    @Bean
    RestTemplateCustomizer testCredentials() {
        return template -> template.getInterceptors().add((request, body, execution) -> {
            HttpHeaders headers = request.getHeaders();
            if (NO_CREDENTIALS.equals(headers.getFirst("X-Api-Key"))) {
                headers.remove("X-Api-Key");
            } else if (!headers.containsKey(HttpHeaders.AUTHORIZATION) && !headers.containsKey("X-Api-Key")) {
                headers.set("X-Api-Key", TestIdentities.ALL_ROLES_KEY);
            }
            return execution.execute(request, body);
        });
    }
}
