package dk.platform.ledger.infra.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.Map;

/**
 * How {@code ledger.commands} is consumed: {@code ledger.kafka.commands-consumers} consumers per
 * instance (default 3, the topic's partitions; the group's members split the partitions, so more
 * consumers than partitions in the whole group sit idle). Kafka orders records per partition and
 * a partition has one consumer, so the commands of one key are still handled one after another,
 * in order; only commands of different keys run side by side, as REST requests do; the offset committed by the listener after the answer has been sent, and a
 * failed record delivered again with back-off (0.5 s doubling to 30 s) for as long as it takes:
 * no failure is classified as fatal and there is no recoverer that would skip a record, so an
 * outage delays commands but never loses one.
 */
@Configuration
class LedgerCommandsConsumerConfig {

    private static final Logger log = LoggerFactory.getLogger(LedgerCommandsConsumerConfig.class);
    static final String CONTAINER_FACTORY = "ledgerCommandsContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> ledgerCommandsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        factory.setCommonErrorHandler(redeliverUntilDone());
        return factory;
    }

    static DefaultErrorHandler redeliverUntilDone() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        // maxElapsedTime and maxAttempts stay unlimited: the back-off never says stop
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            throw new IllegalStateException("a command is never given up: record " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), failure);
        }, backOff);
        handler.setClassifications(Map.of(), true);
        handler.setAckAfterHandle(false);
        handler.setRetryListeners((record, failure, attempt) -> {
            Throwable cause = failure instanceof ListenerExecutionFailedException && failure.getCause() != null ? failure.getCause() : failure;
            String what = record.topic() + "-" + record.partition() + "@" + record.offset() + " (key " + record.key() + ")";
            if (attempt == 1) {
                log.warn("command record {} failed and will be delivered again until it goes through", what, cause);
            } else {
                log.warn("command record {} failed again (attempt {}): {}", what, attempt, cause.toString());
            }
        });
        return handler;
    }
}
