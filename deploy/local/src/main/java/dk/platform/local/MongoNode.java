package dk.platform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The MongoDB wire protocol served in-process by mongo-java-server, stored in one H2 MVStore
 * file. No transactions and no secondary indexes besides unique ones (see DESIGN.md section 3).
 */
final class MongoNode implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private MongoNode(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static MongoNode start(Path file, int port) throws IOException {
        Files.createDirectories(file.getParent());
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        return new MongoNode(server, port);
    }

    String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    int port() {
        return port;
    }

    /** Closes client connections and the backend, which commits and closes the H2 file. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
