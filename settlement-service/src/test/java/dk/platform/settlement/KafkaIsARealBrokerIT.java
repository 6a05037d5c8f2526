package dk.platform.settlement;

import dk.platform.test.IntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka the app talks to in tests is a real broker (KRaft, from the Kafka jars), not a mock:
 * plain Kafka clients, pointed at exactly the bootstrap servers the app's own producer uses,
 * create a topic, produce, consume through a consumer group, and read the cluster's id.
 */
@IntegrationTest
class KafkaIsARealBrokerIT {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${spring.embedded.kafka.brokers}")
    String embeddedBrokers;

    @Autowired
    ProducerFactory<String, String> producerFactory;

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    @Test
    void theAppsBootstrapServersAreTheEmbeddedBroker() {
        assertThat(bootstrapServers).isEqualTo(embeddedBrokers).doesNotContain("localhost:9092");
        assertThat(bootstrapList(producerFactory.getConfigurationProperties().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)))
                .isEqualTo(bootstrapList(bootstrapServers));
        assertThat(kafkaTemplate.getProducerFactory()).isSameAs(producerFactory);
    }

    @Test
    void plainClientsProduceAndConsumeThroughTheAppsBootstrapServers() throws Exception {
        String topic = "real-broker-" + UUID.randomUUID();
        String appBootstrap = String.join(",",
                bootstrapList(producerFactory.getConfigurationProperties().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, appBootstrap))) {
            DescribeClusterResult cluster = admin.describeCluster();
            String clusterId = cluster.clusterId().get(10, TimeUnit.SECONDS);
            assertThat(clusterId).isNotBlank();
            assertThat(cluster.nodes().get(10, TimeUnit.SECONDS)).isNotEmpty();
            assertThat(cluster.controller().get(10, TimeUnit.SECONDS)).isNotNull();

            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains(topic);
        }

        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, appBootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            sent = producer.send(new ProducerRecord<>(topic, "plain-key", "from a plain producer")).get(10, TimeUnit.SECONDS);
        }
        assertThat(sent.hasOffset()).isTrue();
        // and the app's own template reaches the same broker
        kafkaTemplate.send(topic, "app-key", "from the app's KafkaTemplate").get(10, TimeUnit.SECONDS);

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, appBootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "real-broker-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            consumer.commitSync();
        }

        assertThat(received).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("plain-key", "app-key");
        assertThat(received).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("from a plain producer", "from the app's KafkaTemplate");
        ConsumerRecord<String, String> plain = received.stream().filter(r -> r.key().equals("plain-key")).findFirst().orElseThrow();
        assertThat(plain.partition()).isEqualTo(sent.partition());
        assertThat(plain.offset()).isEqualTo(sent.offset());
    }

    private static Set<String> bootstrapList(Object servers) {
        if (servers instanceof List<?> list) {
            return Set.copyOf(list.stream().map(Object::toString).map(String::trim).toList());
        }
        return Set.of(servers.toString().trim().split("\\s*,\\s*"));
    }
}
