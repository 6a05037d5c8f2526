package dk.platform.ledger.infra.kafka;

import dk.platform.ledger.api.Topics;
import dk.platform.support.kafka.KafkaErrorHandling;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * As many partitions as the consumers that read them in parallel (ledger.kafka.commands-consumers):
     * a partition is read one command at a time, so that each sender's commands (one key) stay in order.
     * A topic created with fewer is given more at start-up (KafkaAdmin); commands in flight at that
     * moment may then overtake one another once.
     */
    @Bean
    NewTopic ledgerCommands(@Value("${ledger.kafka.commands-partitions:12}") int partitions) {
        return TopicBuilder.name(Topics.LEDGER_COMMANDS).partitions(partitions).build();
    }

    /** Commands that could not run (README "Dead letters"). */
    @Bean
    NewTopic ledgerCommandsDeadLetters(@Value("${ledger.kafka.commands-partitions:12}") int partitions) {
        return KafkaErrorHandling.deadLetterTopic(ledgerCommands(partitions));
    }

    @Bean
    NewTopic ledgerCommandResults() {
        return TopicBuilder.name(Topics.LEDGER_COMMAND_RESULTS).partitions(3).build();
    }
}
