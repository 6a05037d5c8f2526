package dk.platform.support;

import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the cross-cutting parts every app of the platform shares. */
@AutoConfiguration(beforeName = "org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration",
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

    @Bean
    @ConditionalOnMissingBean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }
}
