import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Checks the SASL/SCRAM users and ACLs that deploy/kafka/init-kafka.sh sets up, against a running
 * broker, as the services would use them (SCRAM-SHA-512, idempotent producers with acks=all, consumer
 * groups). Run by verify-acls.sh:  java -cp <kafka-clients...> VerifyAcls.java
 * Environment: KAFKA_BOOTSTRAP, LEDGER_KAFKA_PASSWORD, SETTLEMENT_KAFKA_PASSWORD, PAYROLL_KAFKA_PASSWORD.
 * Prints one PASS/FAIL line per check; exits 1 when any check fails.
 */
public class VerifyAcls {
    static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP", "localhost:19092");
    static final List<String> failures = new ArrayList<>();

    interface Step { void run() throws Exception; }

    public static void main(String[] args) {
        String ledger = System.getenv("LEDGER_KAFKA_PASSWORD");
        String settlement = System.getenv("SETTLEMENT_KAFKA_PASSWORD");
        String payroll = System.getenv("PAYROLL_KAFKA_PASSWORD");

        // the ledger creates its topics at start-up, as its KafkaAdmin does, and a replay topic on demand
        allowed("ledger creates ledger.events, ledger.commands, ledger.command-results",
                () -> createTopics("ledger", ledger, "ledger.events", "ledger.commands", "ledger.command-results"));
        allowed("ledger creates ledger.events.replay.settlement", () -> createTopics("ledger", ledger, "ledger.events.replay.settlement"));
        allowed("settlement creates settlement.events", () -> createTopics("settlement", settlement, "settlement.events"));
        denied("settlement creates ledger.other", () -> createTopics("settlement", settlement, "ledger.other"));

        // settlement's and payroll's KafkaAdmin describe the ledger topics they declare (and create none: they exist)
        allowed("settlement describes the ledger topics", () -> describe("settlement", settlement, "ledger.events", "ledger.commands", "ledger.command-results"));
        allowed("payroll describes the ledger topics", () -> describe("payroll", payroll, "ledger.events", "ledger.commands", "ledger.command-results"));

        allowed("ledger writes ledger.events", () -> produce("ledger", ledger, "ledger.events"));
        allowed("ledger writes ledger.command-results", () -> produce("ledger", ledger, "ledger.command-results"));
        allowed("ledger writes ledger.events.replay.settlement", () -> produce("ledger", ledger, "ledger.events.replay.settlement"));
        denied("ledger writes ledger.commands", () -> produce("ledger", ledger, "ledger.commands"));

        denied("settlement writes ledger.events", () -> produce("settlement", settlement, "ledger.events"));
        denied("settlement writes ledger.events.replay.settlement", () -> produce("settlement", settlement, "ledger.events.replay.settlement"));
        denied("settlement writes ledger.command-results", () -> produce("settlement", settlement, "ledger.command-results"));
        allowed("settlement writes ledger.commands", () -> produce("settlement", settlement, "ledger.commands"));
        allowed("settlement writes settlement.events", () -> produce("settlement", settlement, "settlement.events"));

        denied("payroll writes ledger.events", () -> produce("payroll", payroll, "ledger.events"));
        denied("payroll writes settlement.events", () -> produce("payroll", payroll, "settlement.events"));
        allowed("payroll writes ledger.commands", () -> produce("payroll", payroll, "ledger.commands"));

        allowed("ledger reads ledger.commands (group ledger-app)", () -> consume("ledger", ledger, "ledger-app", "ledger.commands"));
        allowed("ledger reads ledger.events (group ledger-app)", () -> consume("ledger", ledger, "ledger-app", "ledger.events"));
        allowed("settlement reads ledger.events (group settlement-service)", () -> consume("settlement", settlement, "settlement-service", "ledger.events"));
        allowed("settlement reads ledger.command-results (group settlement-service)", () -> consume("settlement", settlement, "settlement-service", "ledger.command-results"));
        allowed("settlement reads ledger.events.replay.settlement (group settlement-service-replay)",
                () -> consume("settlement", settlement, "settlement-service-replay", "ledger.events.replay.settlement"));
        denied("settlement reads ledger.commands (group settlement-service)", () -> consume("settlement", settlement, "settlement-service", "ledger.commands"));
        denied("settlement reads ledger.events in group ledger-app", () -> consume("settlement", settlement, "ledger-app", "ledger.events"));
        allowed("payroll reads ledger.events (group payroll-posting-service)", () -> consume("payroll", payroll, "payroll-posting-service", "ledger.events"));
        allowed("payroll reads ledger.command-results (group payroll-posting-service)", () -> consume("payroll", payroll, "payroll-posting-service", "ledger.command-results"));
        denied("payroll reads ledger.events.replay.settlement (group payroll-posting-service)",
                () -> consume("payroll", payroll, "payroll-posting-service", "ledger.events.replay.settlement"));
        denied("payroll reads settlement.events (group payroll-posting-service)", () -> consume("payroll", payroll, "payroll-posting-service", "settlement.events"));

        unauthenticated("ledger with a wrong password", () -> produce("ledger", "wrong-" + ledger, "ledger.events"));
        unauthenticated("unknown user mallory", () -> produce("mallory", ledger, "ledger.commands"));
        try {
            plaintextProbe();
            fail("unauthenticated PLAINTEXT client: expected no answer, but it got the cluster id");
        } catch (Exception e) {
            pass("unauthenticated PLAINTEXT client: no answer (" + root(e).getClass().getSimpleName() + ")");
        }

        System.out.println(failures.isEmpty() ? "ALL CHECKS PASSED" : failures.size() + " CHECK(S) FAILED: " + failures);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    static Properties client(String user, String password) {
        Properties p = new Properties();
        p.put("bootstrap.servers", BOOTSTRAP);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        p.put("request.timeout.ms", "10000");
        p.put("default.api.timeout.ms", "15000");
        return p;
    }

    static void createTopics(String user, String password, String... topics) throws Exception {
        try (Admin admin = Admin.create(client(user, password))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    static void describe(String user, String password, String... topics) throws Exception {
        try (Admin admin = Admin.create(client(user, password))) {
            admin.describeTopics(List.of(topics)).allTopicNames().get(20, TimeUnit.SECONDS);
        }
    }

    static void produce(String user, String password, String topic) throws Exception {
        Properties p = client(user, password);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("max.block.ms", "10000");
        p.put("delivery.timeout.ms", "15000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "written by " + user)).get(20, TimeUnit.SECONDS);
        }
    }

    static void consume(String user, String password, String group, String topic) throws Exception {
        Properties p = client(user, password);
        p.put("group.id", group);
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < until) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    consumer.commitSync();
                    return;
                }
            }
            throw new IllegalStateException("no record read from " + topic + " in 20 s");
        }
    }

    static void plaintextProbe() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", BOOTSTRAP);
        p.put("request.timeout.ms", "5000");
        p.put("default.api.timeout.ms", "8000");
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        }
    }

    static Throwable root(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof org.apache.kafka.common.KafkaException && t.getCause() != null
                && !(t instanceof AuthorizationException) && !(t instanceof SaslAuthenticationException)) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static void allowed(String what, Step step) {
        try {
            step.run();
            pass(what + ": allowed");
        } catch (Throwable t) {
            fail(what + ": expected success, got " + root(t));
        }
    }

    static void denied(String what, Step step) {
        try {
            step.run();
            fail(what + ": expected an authorization error, but it succeeded");
        } catch (Throwable t) {
            Throwable r = root(t);
            if (r instanceof AuthorizationException) {
                pass(what + ": denied (" + r.getClass().getSimpleName() + ": " + r.getMessage() + ")");
            } else {
                fail(what + ": expected an authorization error, got " + r);
            }
        }
    }

    static void unauthenticated(String what, Step step) {
        try {
            step.run();
            fail(what + ": expected an authentication failure, but it succeeded");
        } catch (Throwable t) {
            Throwable r = root(t);
            if (r instanceof SaslAuthenticationException) {
                pass(what + ": rejected (" + r.getClass().getSimpleName() + ": " + r.getMessage() + ")");
            } else {
                fail(what + ": expected an authentication failure, got " + r);
            }
        }
    }

    static void pass(String line) {
        System.out.println("PASS  " + line);
    }

    static void fail(String line) {
        failures.add(line);
        System.out.println("FAIL  " + line);
    }
}
