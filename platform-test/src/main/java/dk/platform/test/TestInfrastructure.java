package dk.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Starts one real PostgreSQL cluster and one Mongo-wire server per test JVM and points the
 * Spring context at them. Each context gets its own PostgreSQL database and Mongo database,
 * so tests that boot several contexts never see each other's data.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;
    private static MongoServer mongo;
    private static String mongoUri;

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try { postgres.close(); } catch (IOException ignored) { }
            }));
        }
        return postgres;
    }

    public static synchronized String mongoUri() {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            // bind() picks a free port on loopback
            InetSocketAddress address = mongo.bind();
            mongoUri = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        return mongoUri;
    }

    /** Creates a fresh database in the shared cluster and answers its JDBC URL. */
    public static String newPostgresDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = postgres().getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database", e);
        }
        return postgres().getJdbcUrl("postgres", name);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String db = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> properties = new java.util.HashMap<>(TestIdentities.properties());
        properties.putAll(Map.of(
                "spring.datasource.url", newPostgresDatabase(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "spring.data.mongodb.uri", mongoUri() + "/" + db));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testInfrastructure", properties));
    }
}
