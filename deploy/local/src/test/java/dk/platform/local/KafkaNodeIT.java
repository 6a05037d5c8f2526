package dk.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker process: produce, consume, stop within 20 s, start again, the record is still there. */
class KafkaNodeIT {

    private static final String TOPIC = "ledger.events.it";

    @Test
    void aRecordSurvivesARestartOfTheBroker(@TempDir Path dir) throws Exception {
        List<Integer> ports = TestPorts.distinct(2);
        int port = ports.get(0);
        int controllerPort = ports.get(1);
        Path logDir = dir.resolve("kafka");

        TopicPartition partition;
        String clusterId;
        try (KafkaNode kafka = start(dir, port, controllerPort)) {
            clusterId = kafka.clusterId();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.ACKS_CONFIG, "all"))) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(TOPIC, "account-1000", "posted 61.50"))
                        .get(30, TimeUnit.SECONDS);
                partition = new TopicPartition(sent.topic(), sent.partition());
            }
            assertThat(readAll(kafka, partition)).containsExactly("account-1000=posted 61.50");

            long begin = System.nanoTime();
            assertThat(kafka.stop(Duration.ofSeconds(20))).as("stopped by itself on SIGTERM").isTrue();
            long took = System.nanoTime() - begin;
            assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofSeconds(20));
            System.out.println("Kafka stopped in " + TimeUnit.NANOSECONDS.toMillis(took) + " ms");
        }

        try (KafkaNode kafka = start(dir, port, controllerPort)) {
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            assertThat(KafkaNode.readClusterId(logDir)).isEqualTo(clusterId);
            assertThat(readAll(kafka, partition)).containsExactly("account-1000=posted 61.50");
        }
    }

    private static KafkaNode start(Path dir, int port, int controllerPort) throws Exception {
        return KafkaNode.start(dir.resolve("kafka"), dir.resolve("conf"), dir.resolve("logs").resolve("kafka.log"),
                port, controllerPort, KafkaNode.defaultClasspath(), Duration.ofSeconds(60));
    }

    /** Everything in the partition from the beginning, read until a poll brings nothing more. */
    private static List<String> readAll(KafkaNode kafka, TopicPartition partition) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition, Duration.ofSeconds(30)) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.key() + "=" + record.value());
                }
            }
        }
        return values;
    }
}
