package dk.platform.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformTopicsTest {

    @Test
    void aTopicAServiceReadsComesWithItsDeadLetterTopicAndEveryTopicHasThreePartitions() {
        List<NewTopic> topics = PlatformTopics.topics(List.of("out"), List.of("in"));

        assertThat(topics).extracting(NewTopic::name).containsExactly("out", "in", "in.dlt");
        assertThat(topics).extracting(NewTopic::numPartitions).containsOnly(3);
        assertThat(topics.get(2).configs()).isEqualTo(KafkaErrorHandling.deadLetterTopic(PlatformTopics.topic("in")).configs());
    }
}
