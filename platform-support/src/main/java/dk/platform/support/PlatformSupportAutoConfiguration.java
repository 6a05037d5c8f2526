package dk.platform.support;

import dk.platform.support.input.InputJson;
import dk.platform.support.input.StrictJson;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the cross-cutting parts every app of the platform shares. */
@AutoConfiguration(beforeName = {"org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration"},
        afterName = "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration")
public class PlatformSupportAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** {@code platform.request.max-bytes} for every path; {@code platform.request.limits.[/api/path]} for the paths that take files. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(org.springframework.core.env.Environment environment) {
        long max = environment.getProperty("platform.request.max-bytes", Long.class, RequestSizeLimit.DEFAULT_MAX_BYTES);
        java.util.Map<String, Long> limits = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("platform.request.limits", org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class,
                        Long.class)).orElse(java.util.Map.of());
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(max, limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    HealthIndicator kafkaHealthIndicator(KafkaProperties properties) {
        return new KafkaHealthIndicator(properties.buildAdminProperties(null));
    }

    @Bean
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    JsonDocuments jsonDocuments(com.fasterxml.jackson.databind.ObjectMapper json) {
        return new JsonDocuments(json);
    }

    /** {@code platform.input.first-date} / {@code last-date}: the dates input may carry (SPEC §0; default 1900-01-01 to 2999-12-31). */
    @Bean
    @ConditionalOnMissingBean
    InputJson inputJson(com.fasterxml.jackson.databind.ObjectMapper json, org.springframework.core.env.Environment environment) {
        StrictJson.DateRange dates = new StrictJson.DateRange(
                environment.getProperty("platform.input.first-date", java.time.LocalDate.class, StrictJson.DateRange.DEFAULT.first()),
                environment.getProperty("platform.input.last-date", java.time.LocalDate.class, StrictJson.DateRange.DEFAULT.last()));
        return new InputJson(StrictJson.forInput(json, dates), dates);
    }

    /** Every REST body is read by the strict input reader; responses are written as before. */
    @Bean
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer strictRequestBodies(InputJson input) {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(java.util.List<org.springframework.http.converter.HttpMessageConverter<?>> converters) {
                converters.stream()
                        .filter(c -> c instanceof org.springframework.http.converter.json.MappingJackson2HttpMessageConverter)
                        .forEach(c -> ((org.springframework.http.converter.json.MappingJackson2HttpMessageConverter) c)
                                .setObjectMapper(input.mapper()));
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(org.springframework.boot.web.servlet.error.ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Tomcat's own error page replaced by problem+json (after Spring Boot's customizer, which adds a plain one). */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory>
    problemErrorReportValve() {
        return new org.springframework.boot.web.server.WebServerFactoryCustomizer<>() {
            @Override
            public void customize(org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                        for (org.apache.catalina.Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof org.apache.catalina.valves.ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                    }
                });
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }
}
