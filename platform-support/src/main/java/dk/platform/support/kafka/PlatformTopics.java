package dk.platform.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.ArrayList;
import java.util.List;

/**
 * The topics a service uses, declared as every service of the platform declares them (created if
 * missing): {@value #PARTITIONS} partitions like the ledger's, and for each topic the service
 * reads, its dead-letter topic ({@link KafkaErrorHandling#deadLetterTopic(NewTopic)}).
 */
public final class PlatformTopics {

    public static final int PARTITIONS = 3;

    private PlatformTopics() {
    }

    /** The topics a service writes and those it reads, with the dead-letter topics of the latter, as one bean. */
    public static KafkaAdmin.NewTopics of(List<String> written, List<String> read) {
        return new KafkaAdmin.NewTopics(topics(written, read).toArray(NewTopic[]::new));
    }

    static List<NewTopic> topics(List<String> written, List<String> read) {
        List<NewTopic> topics = new ArrayList<>();
        written.forEach(name -> topics.add(topic(name)));
        for (String name : read) {
            NewTopic topic = topic(name);
            topics.add(topic);
            topics.add(KafkaErrorHandling.deadLetterTopic(topic));
        }
        return topics;
    }

    public static NewTopic topic(String name) {
        return TopicBuilder.name(name).partitions(PARTITIONS).build();
    }
}
