package dk.platform.local;

import java.io.OutputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service jar in the launcher's tests: serves /actuator/health with status UP on
 * SERVER_PORT and writes the environment it got to {@code fake-<port>.properties} in its working
 * directory. Exits with 3 at once when FAKE_EXIT_PORT equals its SERVER_PORT.
 */
public final class FakeApp {

    private FakeApp() {
    }

    public static void main(String[] args) throws Exception {
        String port = System.getenv("SERVER_PORT");
        if (port.equals(System.getenv("FAKE_EXIT_PORT"))) {
            System.out.println("fake app on " + port + " fails on purpose");
            System.exit(3);
        }
        Properties seen = new Properties();
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("SPRING_") || key.equals("SERVER_PORT") || key.equals("LEDGER_URL")) {
                seen.setProperty(key, value);
            }
        });
        seen.setProperty("axoniq.update-checker.disabled", String.valueOf(System.getProperty("axoniq.update-checker.disabled")));
        try (Writer out = Files.newBufferedWriter(Path.of("fake-" + port + ".properties"))) {
            seen.store(out, null);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(port)), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        System.out.println("fake app up on " + port);
    }
}
