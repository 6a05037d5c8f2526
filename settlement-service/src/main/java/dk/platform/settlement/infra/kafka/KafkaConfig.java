package dk.platform.settlement.infra.kafka;

import dk.platform.ledger.api.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.Map;

/**
 * The topics this service uses (created if missing; 3 partitions like the ledger's) and how it
 * consumes: the offset of a record is committed only after the record is handled (the saga's
 * state stored); a record whose handling fails (MongoDB or the broker down) is delivered again
 * with back-off (0.5 s doubling to 30 s) for as long as it takes: nothing is ever skipped.
 */
@Configuration
class KafkaConfig {

    static final String CONTAINER_FACTORY = "settlementContainerFactory";

    @Bean
    NewTopic settlementEvents() {
        return TopicBuilder.name(Topics.SETTLEMENT_EVENTS).partitions(3).build();
    }

    @Bean
    NewTopic ledgerCommands() {
        return TopicBuilder.name(Topics.LEDGER_COMMANDS).partitions(3).build();
    }

    @Bean
    NewTopic ledgerEvents() {
        return TopicBuilder.name(Topics.LEDGER_EVENTS).partitions(3).build();
    }

    @Bean
    NewTopic ledgerCommandResults() {
        return TopicBuilder.name(Topics.LEDGER_COMMAND_RESULTS).partitions(3).build();
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> settlementContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setConcurrency(1);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler errors = new DefaultErrorHandler((record, failure) -> {
            throw new IllegalStateException("never skipped: " + record.topic() + "-" + record.partition() + "@" + record.offset(),
                    failure);
        }, backOff);
        errors.setClassifications(Map.of(), true);
        errors.setAckAfterHandle(false);
        factory.setCommonErrorHandler(errors);
        return factory;
    }
}
