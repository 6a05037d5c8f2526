package dk.platform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL from the zonky binaries, on a data directory that survives restarts
 * (initdb runs only when the directory has no cluster yet).
 */
final class PostgresNode implements AutoCloseable {

    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresNode(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    static PostgresNode start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky turns this off for tests; a local stack keeps what it committed
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .start();
        return new PostgresNode(postgres, port);
    }

    /** Creates the database unless it exists. */
    void ensureDatabase(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, name);
                try (ResultSet rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
                }
            }
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
