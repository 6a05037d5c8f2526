package dk.platform.settlement.infra.kafka;

import dk.platform.ledger.api.Topics;
import dk.platform.support.kafka.KafkaErrorHandling;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The topics this service uses (created if missing; 3 partitions like the ledger's) and how it
 * consumes: the offset of a record is committed only after the record is handled (the saga's
 * state stored). A record whose handling fails is delivered again with back-off as
 * platform-support's {@link KafkaErrorHandling} says (Boot's configurer gives this factory its
 * error handler): in an outage (MongoDB or the broker down) for as long as it takes, so nothing
 * is skipped for an outage; a record that fails otherwise, or cannot be read, is parked in
 * {@code <topic>.dlt}, so it cannot stop the records behind it.
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

    /** Dead letters of this service's consumers (README "Dead letters"): the topics it reads, with the suffix .dlt. */
    @Bean
    NewTopic ledgerEventsDeadLetters() {
        return KafkaErrorHandling.deadLetterTopic(ledgerEvents());
    }

    @Bean
    NewTopic ledgerCommandResultsDeadLetters() {
        return KafkaErrorHandling.deadLetterTopic(ledgerCommandResults());
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> settlementContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setConcurrency(1);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }
}
