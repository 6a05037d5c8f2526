package dk.platform.ledger.infra.kafka;

import dk.platform.support.kafka.KafkaErrorHandling;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * How {@code ledger.commands} is consumed: {@code ledger.kafka.commands-consumers} consumers per
 * instance (default 3, the topic's partitions; the group's members split the partitions, so more
 * consumers than partitions in the whole group sit idle). Kafka orders records per partition and
 * a partition has one consumer, so the commands of one key are still handled one after another,
 * in order; only commands of different keys run side by side, as REST requests do. The offset is
 * committed by the listener after the answer has been sent. A failed record is delivered again
 * with back-off as platform-support's {@link KafkaErrorHandling} says: in an outage for as long
 * as it lasts, so an outage delays commands but never loses one; otherwise it is parked in
 * {@code ledger.commands.dlt} after a few deliveries and answered REJECTED 500
 * ({@link LedgerCommandListener#answerParked}), so one bad command cannot stop the commands
 * behind it.
 */
@Configuration
class LedgerCommandsConsumerConfig {

    static final String CONTAINER_FACTORY = "ledgerCommandsContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> ledgerCommandsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            KafkaErrorHandling errors, ObjectProvider<LedgerCommandListener> listener) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        // the listener through a provider: registering the listener looks up this factory
        factory.setCommonErrorHandler(errors.errorHandler((record, failure) -> listener.getObject().answerParked(record, failure)));
        return factory;
    }
}
