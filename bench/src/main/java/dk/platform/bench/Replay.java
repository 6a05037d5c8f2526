package dk.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replay: the views rebuilt from the event store through the admin API
 * ({@code POST /api/admin/projections/{view}/rebuild}, progress on {@code GET /api/admin/projections}),
 * and the seeding of a large event store for it.
 */
final class Replay {

    private Replay() {
    }

    record Progress(String view, long events, double seconds, boolean finished, long position, long target,
                    List<double[]> curve) {
        /** Rebuilds during which the admin API stopped answering, with why. */
        static final Map<String, String> FAILURES = new java.util.concurrent.ConcurrentHashMap<>();

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    static long count(String jdbcUrl, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Event counts by type, largest first. */
    static Map<String, Long> mix(String jdbcUrl, String user, String password) throws SQLException {
        Map<String, Long> mix = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT payloadtype, count(*) FROM domainevententry GROUP BY 1 ORDER BY 2 DESC")) {
            while (rs.next()) {
                String type = rs.getString(1);
                mix.put(type.substring(type.lastIndexOf('.') + 1), rs.getLong(2));
            }
        }
        return mix;
    }

    /**
     * Grows the event store to {@code total} events by copying this run's own events (all posted
     * through the API) under new ids: aggregate ids, ids inside payload and metadata get the run
     * prefix rewritten ({@code bxxxx-} to {@code bxxxx-c0001-}), every copy gets a new event id.
     * Account numbers carry no prefix, so the copies post to the same accounts (the bank on every
     * entry, as the originals). Copies are appended in the originals' order, one copy after another.
     */
    static long seed(String jdbcUrl, String user, String password, String prefix, long total) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            long maxTemplate;
            long templates;
            try (Statement s = c.createStatement()) {
                s.execute("SET synchronous_commit = on");
                ResultSet rs = s.executeQuery("SELECT count(*), coalesce(max(globalindex), 0) FROM domainevententry WHERE aggregateidentifier LIKE '"
                        + prefix + "%'");
                rs.next();
                templates = rs.getLong(1);
                maxTemplate = rs.getLong(2);
            }
            long existing = count(jdbcUrl, user, password, "SELECT count(*) FROM domainevententry");
            if (templates == 0 || existing >= total) {
                return 0;
            }
            long copies = (total - existing + templates - 1) / templates;
            int perStatement = (int) Math.max(1, 200_000 / templates);
            String sql = "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,"
                    + " payloadrevision, payloadtype, timestamp)"
                    + " SELECT replace(e.aggregateidentifier, ?, ? || lpad(k::text, 5, '0') || '-'), e.sequencenumber, e.type,"
                    + " gen_random_uuid()::text,"
                    + " convert_to(replace(convert_from(e.metadata, 'UTF8'), ?, ? || lpad(k::text, 5, '0') || '-'), 'UTF8'),"
                    + " convert_to(replace(convert_from(e.payload, 'UTF8'), ?, ? || lpad(k::text, 5, '0') || '-'), 'UTF8'),"
                    + " e.payloadrevision, e.payloadtype, e.timestamp"
                    + " FROM generate_series(?, ?) AS k, domainevententry e"
                    + " WHERE e.aggregateidentifier LIKE ? AND e.globalindex <= ? ORDER BY k, e.globalindex";
            long inserted = 0;
            long begin = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (long k = 1; k <= copies; k += perStatement) {
                    long to = Math.min(copies, k + perStatement - 1);
                    String copyPrefix = prefix + "c";
                    for (int i = 0; i < 3; i++) {
                        p.setString(2 * i + 1, prefix);
                        p.setString(2 * i + 2, copyPrefix);
                    }
                    p.setLong(7, k);
                    p.setLong(8, to);
                    p.setString(9, prefix + "%");
                    p.setLong(10, maxTemplate);
                    inserted += p.executeUpdate();
                    double s = (System.nanoTime() - begin) / 1e9;
                    Bench.log(String.format(Locale.ROOT, "  seeded %,d of %,d events (%.0f events/s)", inserted,
                            copies * templates, inserted / s));
                }
            }
            return inserted;
        }
    }

    /** The admin API's view of one processor: its position and the event store's head. */
    record Status(long position, long head, boolean replaying, String rebuildState, Long rebuildDone, int rebuildGeneration) {
    }

    static Map<String, Status> status(Http ledger) {
        Map<String, Status> map = new LinkedHashMap<>();
        for (JsonNode p : Http.ok(ledger.get("/api/admin/projections"), "projections").json()) {
            JsonNode rebuild = p.path("rebuild");
            map.put(p.path("name").asText(), new Status(p.path("position").isNull() ? -1 : p.path("position").asLong(),
                    p.path("headPosition").asLong(), p.path("replaying").asBoolean(),
                    rebuild.isObject() ? rebuild.path("state").asText(null) : null,
                    rebuild.isObject() && rebuild.path("done").isNumber() ? rebuild.path("done").asLong() : null,
                    rebuild.path("generation").asInt(-1)));
        }
        return map;
    }

    /** Where a view's replay stands: the rebuild's own position when the ledger rebuilds beside the live view, else the processor's. */
    static long position(Status s) {
        return s.rebuildDone() != null && s.rebuildState() != null ? s.rebuildDone() : s.position();
    }

    /**
     * Waits until every processor has reached the head; answers the seconds it took, or NaN when
     * {@code cap} passed first.
     */
    static double awaitCaughtUp(Http ledger, Duration cap) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + cap.toNanos();
        long lastLog = begin;
        while (System.nanoTime() < deadline) {
            Map<String, Status> status = status(ledger);
            if (status.values().stream().allMatch(s -> s.position() >= s.head())) {
                return (System.nanoTime() - begin) / 1e9;
            }
            if (System.nanoTime() - lastLog > 10e9) {
                lastLog = System.nanoTime();
                StringBuilder b = new StringBuilder("  waiting for the views:");
                status.forEach((k, v) -> b.append(' ').append(k).append(' ').append(v.position()).append('/').append(v.head()));
                Bench.log(b.toString());
            }
            Thread.sleep(500);
        }
        return Double.NaN;
    }

    /**
     * Rebuilds the given views at once and follows them until each has reached the head position
     * taken when it was reset, or the cap. {@code events} is the number of events up to that head.
     */
    static List<Progress> rebuild(Http ledger, List<String> views, long events, Duration cap, Duration pollEvery)
            throws InterruptedException {
        Map<String, Long> targets = new LinkedHashMap<>();
        Map<String, Integer> generations = new LinkedHashMap<>();
        Map<String, Long> from = new LinkedHashMap<>();
        long begin = System.nanoTime();
        for (String view : views) {
            Http.Response answer = ledger.post("/api/admin/projections/" + view + "/rebuild", "");
            if (answer.status() == 409) {
                // A rebuild beside the live view cannot be stopped, and it runs on to the head, so an earlier rebuild that
                // ran past its cap is now replaying these events too: follow it, counting from where it stands now.
                Status now = status(ledger).get(view);
                Bench.log("  " + view + " is still being rebuilt (generation " + now.rebuildGeneration() + ", at " + position(now)
                        + "): following that rebuild from here");
                generations.put(view, now.rebuildGeneration());
                targets.put(view, now.head());
                from.put(view, position(now));
                continue;
            }
            JsonNode started = Http.ok(answer, "rebuild " + view).json();
            // the ledger answers either {headPosition} (a reset of the live processor) or the rebuild's progress {total}
            // (a rebuild into new collections beside the live view, switched to at the end)
            generations.put(view, started.path("generation").asInt(-1));
            targets.put(view, started.has("total") && started.path("total").isNumber() ? started.path("total").asLong()
                    : started.path("headPosition").asLong());
            from.put(view, 0L);
        }
        Map<String, Progress> done = new LinkedHashMap<>();
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        views.forEach(v -> curves.put(v, new ArrayList<>()));
        long deadline = begin + cap.toNanos();
        long lastLog = begin;
        Map<String, Status> status = Map.of();
        int failures = 0;
        String lastFailure = null;
        while (done.size() < views.size() && System.nanoTime() < deadline) {
            Thread.sleep(pollEvery.toMillis());
            try {
                status = status(ledger);
            } catch (RuntimeException e) {
                // the ledger does not answer (it may be out of memory): keep the last positions and go on until the cap
                failures++;
                lastFailure = e.toString();
                Bench.log("  the admin API did not answer (" + failures + "): " + e.getMessage());
                continue;
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            for (String view : views) {
                Status s = status.get(view);
                long position = position(s);
                curves.get(view).add(new double[] {Math.round(seconds * 10) / 10.0, position});
                boolean finished = s.rebuildState() != null
                        ? "SWITCHED".equals(s.rebuildState()) && s.rebuildGeneration() == generations.get(view)
                        : position >= targets.get(view);
                if (!done.containsKey(view) && finished) {
                    long counted = from.get(view) == 0 ? events : Math.max(0, targets.get(view) - from.get(view));
                    done.put(view, new Progress(view, counted, seconds, true, position, targets.get(view), curves.get(view)));
                    Bench.log(String.format(Locale.ROOT, "  %s rebuilt: %,d events in %.1f s", view, events, seconds));
                }
            }
            if (System.nanoTime() - lastLog > 10e9) {
                lastLog = System.nanoTime();
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  rebuilding (%.0f s):", seconds));
                for (String view : views) {
                    b.append(' ').append(view).append(' ').append(position(status.get(view))).append('/').append(targets.get(view));
                }
                Bench.log(b.toString());
            }
        }
        if (lastFailure != null) {
            Bench.log("  the admin API failed " + failures + " times while rebuilding, last: " + lastFailure);
            Progress.FAILURES.put(String.join("+", views), failures + " polls unanswered, last: " + lastFailure);
        }
        List<Progress> result = new ArrayList<>();
        double seconds = (System.nanoTime() - begin) / 1e9;
        for (String view : views) {
            Progress p = done.get(view);
            if (p == null) {
                // not finished within the cap: the events it got through (positions track events one to one here)
                long position = status.containsKey(view) ? Math.max(0, position(status.get(view))) : 0;
                long reached = Math.max(0, Math.min(events, Math.round((double) events * (position - from.get(view))
                        / Math.max(1, targets.get(view)))));
                p = new Progress(view, reached, seconds, false, position, targets.get(view), curves.get(view));
                Bench.log(String.format(Locale.ROOT, "  %s NOT rebuilt within %.0f s: position %,d of %,d", view, seconds, position,
                        targets.get(view)));
            }
            result.add(p);
        }
        return result;
    }
}
