package dk.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/** PostgreSQL and the Mongo-wire H2 server keep what was written across a stop and a start. */
class LocalPersistenceIT {

    @Test
    void aRowAndADocumentSurviveARestartOnTheSameDirectories(@TempDir Path data) throws Exception {
        List<Integer> ports = TestPorts.distinct(2);
        int pgPort = ports.get(0);
        int mongoPort = ports.get(1);
        Path pgDir = data.resolve("pg");
        Path mongoFile = data.resolve("mongo").resolve("mongo.mv");

        try (PostgresNode postgres = PostgresNode.start(pgDir, pgPort);
             MongoNode mongo = MongoNode.start(mongoFile, mongoPort)) {
            postgres.ensureDatabase("ledger");
            postgres.ensureDatabase("ledger"); // a second time is a no-op
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("ledger"), "postgres", "")) {
                connection.createStatement().execute("create table posting (id text primary key, amount numeric)");
                try (PreparedStatement insert = connection.prepareStatement("insert into posting values (?, ?)")) {
                    insert.setString(1, "p-1");
                    insert.setBigDecimal(2, new java.math.BigDecimal("61.50"));
                    insert.executeUpdate();
                }
            }
            try (MongoClient client = MongoClients.create(mongo.uri("ledger"))) {
                client.getDatabase("ledger").getCollection("konto")
                        .insertOne(new Document("_id", "1000-2026-11").append("balance", "61.50"));
            }
        }

        try (PostgresNode postgres = PostgresNode.start(pgDir, pgPort);
             MongoNode mongo = MongoNode.start(mongoFile, mongoPort)) {
            postgres.ensureDatabase("ledger");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("ledger"), "postgres", "");
                 ResultSet rs = connection.createStatement().executeQuery("select id, amount from posting")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("id")).isEqualTo("p-1");
                assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("61.50");
                assertThat(rs.next()).isFalse();
            }
            try (MongoClient client = MongoClients.create(mongo.uri("ledger"))) {
                Document konto = client.getDatabase("ledger").getCollection("konto")
                        .find(Filters.eq("_id", "1000-2026-11")).first();
                assertThat(konto).isNotNull();
                assertThat(konto.getString("balance")).isEqualTo("61.50");
            }
        }
    }
}
