package dk.platform.test;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Boots the app under test on a random port against real infrastructure: a KRaft Kafka broker
 * (spring-kafka-test), embedded PostgreSQL and the Mongo-wire server ({@link TestInfrastructure}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "logging.structured.format.console=",
        "axoniq.update-checker.disabled=true"})
@EmbeddedKafka(kraft = true, partitions = 3)
@ContextConfiguration(initializers = TestInfrastructure.class)
@ExtendWith(CloseContextsBeforeJvmExit.class)
public @interface IntegrationTest {
}
