package dk.platform.settlement.infra.kafka;

import dk.platform.ledger.api.Topics;
import dk.platform.support.kafka.KafkaErrorHandling;
import dk.platform.support.kafka.PlatformTopics;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties;

import java.util.List;

/**
 * The topics this service uses (created if missing, as {@link PlatformTopics} declares them) and how it
 * consumes: an offset is committed only after its record is handled (the saga's state stored),
 * once per poll (AckMode.BATCH): a commit per record was a broker round trip for each of the
 * ledger's events, most of which this service only skips (issue 17). A record whose handling fails is delivered again with back-off as
 * platform-support's {@link KafkaErrorHandling} says (Boot's configurer gives this factory its
 * error handler): in an outage (MongoDB or the broker down) for as long as it takes, so nothing
 * is skipped for an outage; a record that fails otherwise, or cannot be read, is parked in
 * {@code <topic>.dlt}, so it cannot stop the records behind it.
 */
@Configuration
class KafkaConfig {

    static final String CONTAINER_FACTORY = "settlementContainerFactory";

    /** The topics it writes, and those it reads with their dead letters (README "Dead letters"). */
    @Bean
    KafkaAdmin.NewTopics settlementTopics() {
        return PlatformTopics.of(List.of(Topics.SETTLEMENT_EVENTS, Topics.LEDGER_COMMANDS),
                List.of(Topics.LEDGER_EVENTS, Topics.LEDGER_COMMAND_RESULTS));
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> settlementContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setConcurrency(1);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }
}
