package dk.platform.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The raw baselines, on the same servers as the stack and in the same run: what PostgreSQL, the
 * Kafka broker and the Mongo-wire server do when asked for the bare operation our code wraps.
 */
final class Baselines {

    private Baselines() {
    }

    /**
     * One event-sized row per transaction, as the ledger appends one event per command and commits:
     * a table shaped like Axon's DomainEventEntry (own sequence, the same unique keys), in schema
     * bench_raw of the ledger's database, one connection per client.
     */
    static Load.Result postgresAppends(String jdbcUrl, String user, String password, int clients, Duration duration,
                                       int payloadBytes, int metadataBytes) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS bench_raw");
            s.execute("CREATE TABLE IF NOT EXISTS bench_raw.event (globalindex BIGSERIAL PRIMARY KEY,"
                    + " aggregateidentifier VARCHAR(255) NOT NULL, sequencenumber BIGINT NOT NULL, type VARCHAR(255),"
                    + " eventidentifier VARCHAR(255) NOT NULL UNIQUE, metadata BYTEA, payload BYTEA NOT NULL,"
                    + " payloadrevision VARCHAR(255), payloadtype VARCHAR(255) NOT NULL, timestamp VARCHAR(255) NOT NULL,"
                    + " UNIQUE (aggregateidentifier, sequencenumber))");
        }
        byte[] payload = filler(payloadBytes);
        byte[] metadata = filler(metadataBytes);
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> statements = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                c.setAutoCommit(false);
                connections.add(c);
                statements.add(c.prepareStatement("INSERT INTO bench_raw.event (aggregateidentifier, sequencenumber, type,"
                        + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) VALUES (?, 0, 'JournalEntry', ?, ?, ?, '1', ?, ?)"));
            }
            return Load.run(clients, duration, (client, seq) -> {
                PreparedStatement p = statements.get(client);
                String id = UUID.randomUUID().toString();
                p.setString(1, "raw-" + id);
                p.setString(2, id);
                p.setBytes(3, metadata);
                p.setBytes(4, payload);
                p.setString(5, "dk.platform.ledger.api.event.JournalEntryPosted");
                p.setString(6, Instant.now().toString());
                p.executeUpdate();
                connections.get(client).commit();
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    static void dropPostgresTable(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench_raw CASCADE");
        }
    }

    /**
     * Records of the size of our ledger.events envelopes, acks=all with idempotence (as the ledger's
     * producer is configured), each client waiting for its record's ack before sending the next, as
     * the publisher and the command listener wait for theirs.
     */
    static Load.Result kafkaSends(String bootstrap, int clients, Duration duration, int recordBytes) throws Exception {
        String topic = "bench.raw";
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(props)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        String value = new String(filler(recordBytes), java.nio.charset.StandardCharsets.US_ASCII);
        try (KafkaProducer<String, String> producer = Kafka.producer(bootstrap)) {
            producer.send(new ProducerRecord<>(topic, "warm-up", value)).get(30, TimeUnit.SECONDS);
            return Load.run(clients, duration, (client, seq) ->
                    producer.send(new ProducerRecord<>(topic, "raw-" + seq, value)).get(30, TimeUnit.SECONDS));
        }
    }

    /**
     * Replace-with-upsert by _id of documents shaped like a konto-view month bucket (an account,
     * its month totals and a handful of postings), over a fixed set of keys, so most are updates,
     * as a view's are. Database bench_raw on the stack's Mongo-wire server.
     */
    static Load.Result mongoUpserts(String mongoUri, int clients, Duration duration, int keys) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> collection = client.getDatabase("bench_raw").getCollection("upserts");
            collection.drop();
            ReplaceOptions upsert = new ReplaceOptions().upsert(true);
            return Load.run(clients, duration, (c, seq) -> {
                String id = "3" + String.format("%05d", ThreadLocalRandom.current().nextInt(keys)) + "|2025-"
                        + String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(12));
                collection.replaceOne(Filters.eq("_id", id), viewLike(id, seq), upsert);
            });
        }
    }

    static void dropMongo(String mongoUri) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            client.getDatabase("bench_raw").drop();
        }
    }

    static Document viewLike(String id, long seq) {
        List<Document> postings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            postings.add(new Document("eventId", UUID.randomUUID().toString()).append("line", i % 2)
                    .append("entryId", "raw-je-" + seq + "-" + i).append("postingDate", "2025-03-14")
                    .append("text", "bench entry").append("debit", new Document("value", "1234.56")));
        }
        return new Document("_id", id).append("number", id.substring(0, 6)).append("month", id.substring(7))
                .append("debitTotal", new Document("value", "6172.80")).append("creditTotal", new Document("value", "0.00"))
                .append("postings", postings);
    }

    static byte[] filler(int bytes) {
        byte[] b = new byte[Math.max(1, bytes)];
        Arrays.fill(b, (byte) 'x');
        return b;
    }
}
