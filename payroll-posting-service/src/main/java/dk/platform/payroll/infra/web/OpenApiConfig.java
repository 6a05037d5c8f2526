package dk.platform.payroll.infra.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What Swagger UI and {@code /v3/api-docs} say about this service. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI payrollOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Payroll posting service")
                .description("Charts of accounts, sorting codes and payroll runs turned into balanced vouchers "
                        + "posted to the ledger. Errors are RFC 9457 problem+json.")
                .version("v1"));
    }
}
