package dk.platform.settlement.infra.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What Swagger UI and {@code /v3/api-docs} say about this service. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI settlementOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Settlement service")
                .description("Insurer settlement statements reconciled against the bank and posted to the ledger. "
                        + "Errors are RFC 9457 problem+json.")
                .version("v1"));
    }
}
