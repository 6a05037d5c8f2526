package dk.platform.ledger.infra.kafka;

import dk.platform.ledger.api.Topics;
import dk.platform.support.kafka.KafkaErrorHandling;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The ledger's topics, created at start-up if missing (3 partitions: ordering is per aggregate key). */
@Configuration
class KafkaTopics {

    @Bean
    NewTopic ledgerEvents() {
        return TopicBuilder.name(Topics.LEDGER_EVENTS).partitions(3)
                // kept for ever, so a new subscriber can read all history from the start (README "Events for other services")
                .config(org.apache.kafka.common.config.TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    @Bean
    NewTopic ledgerCommands() {
        return TopicBuilder.name(Topics.LEDGER_COMMANDS).partitions(3).build();
    }

    /** Commands that could not run (README "Dead letters"). */
    @Bean
    NewTopic ledgerCommandsDeadLetters() {
        return KafkaErrorHandling.deadLetterTopic(ledgerCommands());
    }

    @Bean
    NewTopic ledgerCommandResults() {
        return TopicBuilder.name(Topics.LEDGER_COMMAND_RESULTS).partitions(3).build();
    }
}
