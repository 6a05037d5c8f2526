package dk.platform.ledger.audit;

import dk.platform.test.TestIdentities;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures, on request only ({@code -Dvolume.events=500000}): that many copies of one stored
 * entry (two lines each) are exported and queried known-at, while the server's retained heap is
 * sampled after a full GC every 100 000 lines: it must not grow with the lines written. The
 * copies are written straight into the event store with the view processors stopped, so this
 * test leaves a ledger only fit for itself; it runs alone.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "volume.events", matches = "\\d+")
class AuditExportVolumeIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @LocalServerPort
    int port;

    @Test
    void anExportOfAMillionLinesStreamsInConstantMemoryAndVerifies() throws Exception {
        int events = Integer.getInteger("volume.events");
        Api api = new Api(http);
        String s = UUID.randomUUID().toString().substring(0, 8);
        TestChart.open(api);
        assertThat(api.post("/api/journal-entries", json("{'entryId':'V-" + s + "','postingDate':'2028-05-10','text':'Volumen','lines':["
                + "{'account':'6100','debit':'1.00'},{'account':'5820','credit':'1.00'}]}")).status()).isEqualTo(201);
        for (String p : List.of("open-items", "konto", "debts", "kafka-publisher")) {
            processing.eventProcessor(p, StreamingEventProcessor.class).orElseThrow().shutDown();
        }
        long t0 = System.nanoTime();
        jdbc.update("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType,"
                + " payloadRevision, payload, metaData) SELECT gen_random_uuid()::text, 'VOL-' || g, 0, type, timeStamp, payloadType,"
                + " payloadRevision, payload, metaData FROM DomainEventEntry e, generate_series(1, ?) g"
                + " WHERE e.aggregateIdentifier = ? AND e.sequenceNumber = 0", events, "V-" + s);
        System.out.printf("FIGURE %d events stored in %.1f s, %d in the store%n", events, (System.nanoTime() - t0) / 1e9,
                jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class));

        for (String format : List.of("jsonl", "csv")) {
            Read read = read("/api/audit/export?from=2028-05-10&to=2028-05-10&format=" + format, 100_000);
            assertThat(read.verified).as(format).isTrue();
            assertThat(read.lines).isGreaterThanOrEqualTo(2L * events + 1);
            long growth = read.retained.get(read.retained.size() - 1) - read.retained.get(0);
            System.out.printf("FIGURE export %s: %d lines, %d MB in %.1f s (%.0f lines/s); retained heap every 100 000 lines (MB): %s%n",
                    format, read.lines, read.bytes >> 20, read.seconds, read.lines / read.seconds, read.retained.stream().map(b -> b >> 20).toList());
            assertThat(growth).as("retained heap growth while streaming").isLessThan(64L << 20);
        }
        for (String query : List.of("/api/trial-balance?knownAt=2999-01-01T00:00:00Z", "/api/accounts/6100?knownAt=2999-01-01T00:00:00Z&asOf=2028-05-09",
                "/api/accounts/1190?knownAt=2999-01-01T00:00:00Z")) {
            Read read = read(query, Long.MAX_VALUE);
            System.out.printf("FIGURE %s: %.1f s%n", query, read.seconds);
        }
    }

    record Read(long lines, long bytes, double seconds, boolean verified, List<Long> retained) {
    }

    /** Reads the answer as a stream, hashing each line once the next one has begun (the last line is the checksum). */
    Read read(String path, long sampleEvery) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", TestIdentities.ALL_ROLES_KEY).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] previous = null;
        long lines = 0;
        long bytes = 0;
        List<Long> retained = new ArrayList<>();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = r.body()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                bytes += n;
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, from, i + 1 - from);
                        from = i + 1;
                        if (previous != null) {
                            sha.update(previous);
                        }
                        previous = line.toByteArray();
                        line.reset();
                        if (++lines % sampleEvery == 0) {
                            System.gc();
                            retained.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                        }
                    }
                }
                line.write(buf, from, n - from);
            }
        }
        String last = previous == null ? "" : new String(previous, StandardCharsets.UTF_8);
        boolean verified = last.contains("sha256:" + HexFormat.of().formatHex(sha.digest()));
        return new Read(lines, bytes, (System.nanoTime() - start) / 1e9, verified, retained);
    }
}
