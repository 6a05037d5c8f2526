package dk.platform.support.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;

import java.time.Duration;

/**
 * Every app's Kafka consumers get {@link KafkaErrorHandling}'s error handler: Spring Boot's
 * listener container factory, and every factory an app configures through Boot's
 * {@code ConcurrentKafkaListenerContainerFactoryConfigurer}, takes the {@link CommonErrorHandler}
 * bean. {@code platform.kafka.retry.attempts} (default 4 deliveries of a record that fails the
 * same way), {@code .interval} (first back-off, 500 ms, doubling) and {@code .max-interval}
 * (30 s, the longest wait, also between outage retries).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(ProducerFactory.class)
public class PlatformKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KafkaErrorHandling kafkaErrorHandling(ProducerFactory<Object, Object> producers, Environment environment) {
        return new KafkaErrorHandling(producers,
                environment.getProperty("platform.kafka.retry.attempts", Integer.class, 4),
                environment.getProperty("platform.kafka.retry.interval", Duration.class, Duration.ofMillis(500)),
                environment.getProperty("platform.kafka.retry.max-interval", Duration.class, Duration.ofSeconds(30)));
    }

    @Bean
    @ConditionalOnMissingBean
    CommonErrorHandler kafkaErrorHandler(KafkaErrorHandling errors) {
        return errors.errorHandler();
    }
}
