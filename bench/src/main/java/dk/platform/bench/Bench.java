package dk.platform.bench;

import java.util.Properties;
import dk.platform.ledger.api.CommandSignature;
import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.ledger.api.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark of issue 9: {@code deploy/bench.sh [--quick]}. Starts the local stack (or uses a
 * running one, see {@link Target}), measures the command path, the open-item path, view and Kafka
 * lag, replay and a payroll run, each beside a raw baseline taken on the same servers in the same
 * run, and writes the table to the console, a Markdown file and a JSON file.
 */
public final class Bench {

    /** How much of everything: the full run, or --quick (all phases, small, well under 3 minutes). */
    record Scale(boolean quick, int accounts, Duration warmUp, Duration level, Duration mix, Duration lag, Duration baseline,
                 int employees, int linesPerEmployee, long replayEvents, Duration replayAloneCap, Duration replayCap,
                 Duration catchUpCap) {
        static Scale fullScale() {
            return new Scale(false, 1000, Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30),
                    Duration.ofSeconds(60), Duration.ofSeconds(8), 50_000, 40, 1_000_000, Duration.ofMinutes(4),
                    Duration.ofMinutes(10), Duration.ofMinutes(3));
        }

        static Scale quickScale() {
            return new Scale(true, 100, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3),
                    Duration.ofSeconds(5), Duration.ofSeconds(1), 500, 40, 8_000, Duration.ofSeconds(8),
                    Duration.ofSeconds(10), Duration.ofSeconds(6));
        }
    }

    /** Where the stack is: started by this run, or given by BENCH_* variables (a running stack). */
    /**
     * {@code apiKey}: a key with the poster, admin, payroll and auditor roles; {@code kafkaSecret}: payroll's
     * signing secret, with which the Kafka command path signs its {@code PostJournalEntry}s as payroll.
     */
    record Target(String ledgerUrl, String payrollUrl, String jdbcUrl, String dbUser, String dbPassword, String kafka,
                  String mongoUri, String apiKey, String kafkaSecret) {
        /** A stack this run started: the local issuer's all-roles key and payroll's secret from its data folder. */
        static Target of(StackProcess s) throws IOException {
            Properties credentials = properties(s.dataDir.resolve("identity").resolve("credentials.env"));
            Properties secrets = properties(s.dataDir.resolve("identity").resolve("secrets.properties"));
            return new Target("http://localhost:" + s.port("LEDGER_PORT"), "http://localhost:" + s.port("PAYROLL_PORT"),
                    "jdbc:postgresql://localhost:" + s.port("PG_PORT") + "/ledger", "postgres", "postgres",
                    "localhost:" + s.port("KAFKA_PORT"), "mongodb://localhost:" + s.port("MONGO_PORT"),
                    credentials.getProperty("API_KEY_ALL"), secrets.getProperty("kafka.payroll"));
        }

        static Target fromEnv(Map<String, String> env) {
            return new Target(env.get("BENCH_LEDGER_URL"), env.getOrDefault("BENCH_PAYROLL_URL", "http://localhost:8083"),
                    env.getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://localhost:5433/ledger"),
                    env.getOrDefault("BENCH_DB_USER", "postgres"), env.getOrDefault("BENCH_DB_PASSWORD", "postgres"),
                    env.getOrDefault("BENCH_KAFKA", "localhost:9092"), env.getOrDefault("BENCH_MONGO_URI", "mongodb://localhost:27017"),
                    env.get("BENCH_API_KEY"), env.get("BENCH_KAFKA_SECRET"));
        }

        private static Properties properties(Path file) throws IOException {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
            return p;
        }
    }

    static final int[] CLIENTS = {1, 8, 32};
    static final List<String> VIEWS = List.of("open-items", "konto");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Scale scale;
    private final Target target;
    private final Results results = new Results();
    private final Workload work;
    private final Http ledger;
    private final Http payroll;

    Bench(Scale scale, Target target) {
        this.scale = scale;
        this.target = target;
        this.work = new Workload("b" + UUID.randomUUID().toString().substring(0, 6) + "-", scale.accounts());
        this.ledger = new Http(target.ledgerUrl(), target.apiKey());
        this.payroll = new Http(target.payrollUrl(), target.apiKey());
    }

    static void log(String message) {
        System.out.println(LocalTime.now().format(TIME) + " " + message);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv()) == null ? 1 : 0);
    }

    /** Runs the benchmark; answers its results, or null when it could not run. */
    static Results run(String[] args, Map<String, String> env) throws Exception {
        boolean quick = false;
        Path repo = Path.of(".").toAbsolutePath().normalize();
        Path md = null;
        Path json = null;
        Path jfr = null;
        Path stackRoot = null;
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--md" -> md = Path.of(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                case "--jfr" -> jfr = Path.of(args[++i]).toAbsolutePath();
                case "--data" -> dataDir = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--stack-root" -> stackRoot = Path.of(args[++i]).toAbsolutePath().normalize();
                default -> {
                    System.err.println("usage: deploy/bench.sh [--quick] [--md FILE] [--json FILE] [--jfr DIR] [--data DIR]   (see the README's Benchmarks section)");
                    return null;
                }
            }
        }
        Scale scale = quick ? Scale.quickScale() : Scale.fullScale();
        md = md != null ? md : repo.resolve(quick ? "target/BENCHMARKS-quick.md" : "docs/BENCHMARKS.md");
        json = json != null ? json : repo.resolve("target/bench-results.json");
        long began = System.nanoTime();
        StackProcess stack = null;
        Target target;
        String stackNote;
        if (env.get("BENCH_LEDGER_URL") != null && !env.get("BENCH_LEDGER_URL").isBlank()) {
            target = Target.fromEnv(env);
            stackNote = "a running stack (BENCH_LEDGER_URL=" + target.ledgerUrl() + ")";
            log("using " + stackNote);
        } else {
            Path data = dataDir != null ? dataDir : repo.resolve("target/bench-stack");
            log("starting the local stack (launcher of deploy/run-local.sh) on free ports, data in " + data
                    + (jfr == null ? "" : ", JFR recordings in " + jfr) + (stackRoot == null ? "" : ", jars from " + stackRoot));
            for (int attempt = 1; stack == null; attempt++) {
                try {
                    stack = StackProcess.start(stackRoot == null ? repo : stackRoot, data, jfr, Duration.ofMinutes(4));
                } catch (IllegalStateException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    log("the stack did not start (attempt " + attempt + " of 3), trying other ports: "
                            + e.getMessage().lines().filter(l -> l.contains("in use") || l.contains("failed")).findFirst().orElse(""));
                }
            }
            target = Target.of(stack);
            stackNote = "started by the benchmark: " + stack.ports + ", data " + data;
            log("stack up after " + seconds(System.nanoTime() - began));
        }
        try {
            Bench bench = new Bench(scale, target);
            Results r = bench.results;
            r.header.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            r.header.put("commit", git(repo, "rev-parse", "--short", "HEAD") + (git(repo, "status", "--porcelain").isBlank() ? "" : " (with uncommitted changes)"));
            r.header.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + memory() + " RAM, Java "
                    + System.getProperty("java.version"));
            r.header.put("command", env.getOrDefault("BENCH_COMMAND", "deploy/bench.sh" + (quick ? " --quick" : "")));
            r.header.put("stack", stackNote + "; services " + (env.getOrDefault("APP_JAVA_OPTS", "").isBlank()
                    ? "-Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=50 (deploy/jvm.options, the launcher's default)"
                    : env.get("APP_JAVA_OPTS") + " (APP_JAVA_OPTS)"));
            r.header.put("scale", scale.toString());
            bench.runAll();
            r.header.put("duration", seconds(System.nanoTime() - began));
            log("\n" + r.table());
            r.writeJson(json);
            r.writeMarkdown(md);
            log("written " + md + " and " + json + " in " + seconds(System.nanoTime() - began));
            return r;
        } finally {
            if (stack != null) {
                log("stopping the stack");
                stack.close();
            }
        }
    }

    void runAll() throws Exception {
        setUp();
        try (Kafka.Tail events = new Kafka.Tail(target.kafka(), Topics.LEDGER_EVENTS, this::onEvent)) {
            warmUp();
            int[] sizes = eventSizes();
            phase("raw baselines", () -> baselines(sizes));
            phase("REST command path", this::restCommandPath);
            catchUp("after the REST command path");
            phase("Kafka command path", this::kafkaCommandPath);
            catchUp("after the Kafka command path");
            phase("open-item path", this::openItemPath);
            catchUp("after the open-item path", Duration.ofSeconds(Math.max(60, scale.catchUpCap().toSeconds())));
            phase("lag", this::lag);
        }
        catchUp("after the lag phase"); // so that the payroll run does not share the CPU with the konto view's backlog
        phase("payroll", this::payroll);
        phase("replay", this::replay);
    }

    interface Phase {
        void run() throws Exception;
    }

    /** A phase that fails is reported (its figures stay missing) and the run goes on with the next. */
    private void phase(String name, Phase phase) {
        try {
            phase.run();
        } catch (Exception | AssertionError e) {
            log("PHASE FAILED: " + name + ": " + e);
            e.printStackTrace(System.out);
            results.detail("FAILED phase " + name, e.toString());
        }
    }

    // ------------------------------------------------------------------ set-up

    private void setUp() throws InterruptedException {
        log("set-up: " + (scale.accounts() + 3) + " accounts (run prefix " + work.prefix + ")");
        List<String> bodies = new ArrayList<>();
        bodies.add("{\"number\":\"" + Workload.BANK + "\",\"name\":\"Bank\",\"type\":\"ASSET\"}");
        bodies.add("{\"number\":\"" + Workload.CONTROL + "\",\"name\":\"Debitorer\",\"type\":\"ASSET\"}");
        bodies.add("{\"number\":\"" + Workload.WRITE_OFF + "\",\"name\":\"Gebyrer\",\"type\":\"EXPENSE\"}");
        for (int i = 0; i < scale.accounts(); i++) {
            bodies.add("{\"number\":\"" + Workload.account(i) + "\",\"name\":\"Konto " + i + "\",\"type\":\""
                    + (i % 2 == 0 ? "REVENUE" : "EXPENSE") + "\"}");
        }
        List<Thread> threads = new ArrayList<>();
        AtomicLong next = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failed = new java.util.concurrent.atomic.AtomicReference<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                int i;
                while ((i = (int) next.getAndIncrement()) < bodies.size() && failed.get() == null) {
                    try {
                        Http.ok(ledger.post("/api/accounts", bodies.get(i)), "OpenAccount");
                    } catch (RuntimeException e) {
                        failed.compareAndSet(null, e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        log("  " + bodies.size() + " accounts opened");
    }

    private void warmUp() {
        log("warm-up: REST journal entries, 8 clients, " + scale.warmUp().toSeconds() + " s");
        Load.run(8, scale.warmUp(), (c, s) -> postEntry());
    }

    private void postEntry() {
        Workload.Entry e = work.entry();
        Http.Response r = ledger.post("/api/journal-entries", e.json());
        if (r.status() != 201) {
            throw new IllegalStateException("PostJournalEntry answered " + r.status() + ": " + Http.abbreviate(r.body()));
        }
    }

    /** Average sizes of our stored JournalEntryPosted events (payload, metadata) and of our ledger.events records. */
    private int[] eventSizes() throws Exception {
        int payload;
        int metadata;
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.dbUser(), target.dbPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT avg(octet_length(payload)), avg(octet_length(metadata)) FROM domainevententry"
                     + " WHERE aggregateidentifier LIKE '" + work.prefix + "%'")) {
            rs.next();
            payload = (int) rs.getDouble(1);
            metadata = (int) rs.getDouble(2);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (eventRecords.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        int record = eventRecords.get() == 0 ? payload + metadata : (int) (eventBytes.get() / eventRecords.get());
        results.detail("event sizes (bytes)", "payload " + payload + ", metadata " + metadata + ", ledger.events record " + record);
        log("  our events: payload " + payload + " B, metadata " + metadata + " B; ledger.events records " + record + " B");
        return new int[] {payload, metadata, record};
    }

    // ------------------------------------------------------------------ baselines

    private final Map<String, Double> raw = new LinkedHashMap<>();

    private void baselines(int[] sizes) throws Exception {
        log("raw baselines (" + scale.baseline().toSeconds() + " s each)");
        for (int clients : CLIENTS) {
            Load.Result r = Baselines.postgresAppends(target.jdbcUrl(), target.dbUser(), target.dbPassword(), clients,
                    scale.baseline(), sizes[0], sizes[1]);
            raw.put("pg" + clients, r.perSecond());
            raw.put("pg" + clients + "p99", r.p(99));
            log(String.format(Locale.ROOT, "  PostgreSQL appends, %2d clients: %,.0f/s, p99 %.1f ms", clients, r.perSecond(), r.p(99)));
        }
        Baselines.dropPostgresTable(target.jdbcUrl(), target.dbUser(), target.dbPassword());
        for (int clients : CLIENTS) {
            Load.Result r = Baselines.kafkaSends(target.kafka(), clients, scale.baseline(), sizes[2]);
            raw.put("kafka" + clients, r.perSecond());
            raw.put("kafka" + clients + "p99", r.p(99));
            log(String.format(Locale.ROOT, "  Kafka sends (acks=all), %2d clients: %,.0f/s, p99 %.1f ms", clients, r.perSecond(), r.p(99)));
        }
        Load.Result m = Baselines.mongoUpserts(target.mongoUri(), 1, scale.baseline(), scale.accounts());
        raw.put("mongo1", m.perSecond());
        log(String.format(Locale.ROOT, "  MongoDB upserts, 1 client: %,.0f/s, p99 %.1f ms", m.perSecond(), m.p(99)));
        Baselines.dropMongo(target.mongoUri());
    }

    // ------------------------------------------------------------------ 1. command path

    private double maxRestRate;

    private void restCommandPath() throws Exception {
        String section = "1. Command path: PostJournalEntry (2 lines, bank on every entry, " + scale.accounts() + " accounts)";
        log(section + ", REST");
        for (int clients : CLIENTS) {
            WaitSampler waits = new WaitSampler(target);
            Load.Result r = Load.run(clients, scale.level(), (c, s) -> postEntry());
            String waited = waits.stop();
            results.detail("PostgreSQL wait events of the ledger during REST, " + clients + " clients (sampled every 50 ms)", waited);
            maxRestRate = Math.max(maxRestRate, r.perSecond());
            addThroughput(section, "REST, " + clients + " client" + (clients == 1 ? "" : "s"), r, "pg" + clients,
                    "PostgreSQL append, " + clients + " client" + (clients == 1 ? "" : "s"),
                    clients == 32 ? "≥ 0.5 of raw" : null);
        }
    }

    private void addThroughput(String section, String name, Load.Result r, String rawKey, String rawName, String target) {
        results.add(section, name + ": commands/s", r.perSecond(), "/s", rawName, raw.get(rawKey), target);
        results.add(section, name + ": p50", r.p(50), "ms");
        results.add(section, name + ": p95", r.p(95), "ms");
        results.add(section, name + ": p99", r.p(99), "ms", rawName + " p99", raw.get(rawKey + "p99"), null);
        if (r.errors() > 0) {
            results.detail(name + " errors", r.errors() + ", first: " + r.firstError());
        }
    }

    private final Map<String, CompletableFuture<String>> pendingResults = new ConcurrentHashMap<>();

    private void kafkaCommandPath() throws Exception {
        String section = "1. Command path: PostJournalEntry over Kafka (ledger.commands → ledger.command-results)";
        log(section);
        try (Kafka.Tail answers = new Kafka.Tail(target.kafka(), Topics.LEDGER_COMMAND_RESULTS, rec -> {
            CompletableFuture<String> f = pendingResults.remove(rec.key());
            if (f != null) {
                f.complete(rec.value());
            }
        }); KafkaProducer<String, String> producer = Kafka.producer(target.kafka())) {
            Load.Op send = (c, s) -> {
                Workload.Entry e = work.entry();
                CompletableFuture<String> answer = new CompletableFuture<>();
                pendingResults.put(e.id(), answer);
                String message = Workload.kafkaMessage(e.id(), "PostJournalEntry", e.json());
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.LEDGER_COMMANDS, e.id(), message);
                CommandSignature.headers(target.kafkaSecret(), "payroll", null, e.id(), message).forEach(record.headers()::add);
                producer.send(record);
                String result = answer.get(60, TimeUnit.SECONDS);
                if (!result.contains("\"ACCEPTED\"")) {
                    throw new IllegalStateException("answered " + result);
                }
            };
            Load.run(1, Duration.ofSeconds(Math.min(5, scale.warmUp().toSeconds())), send); // the listener's first poll
            for (int clients : CLIENTS) {
                Load.Result r = Load.run(clients, scale.level(), send);
                addThroughput(section, "Kafka, " + clients + " client" + (clients == 1 ? "" : "s"), r, "kafka" + clients,
                        "Kafka send (acks=all), " + clients + " client" + (clients == 1 ? "" : "s"), null);
            }
        }
    }

    // ------------------------------------------------------------------ 2. open-item path

    private void openItemPath() {
        int clients = 8;
        String section = "2. Open-item path: RegisterOpenItem ×3, BookWriteOff, ApplyPayment (1 item), ApplyPayment (2 items); "
                + clients + " clients";
        log(section);
        Map<String, Load.Latencies> byType = new TreeMap<>();
        Load.Latencies all = new Load.Latencies();
        AtomicLong commands = new AtomicLong();
        Load.Result r = Load.run(clients, scale.mix(), (c, s) -> {
            for (Workload.Call call : work.openItemScenario()) {
                long t0 = System.nanoTime();
                Http.Response response = ledger.post(call.path(), call.json());
                long nanos = System.nanoTime() - t0;
                if (response.status() != 201) {
                    throw new IllegalStateException(call.type() + " answered " + response.status() + ": " + Http.abbreviate(response.body()));
                }
                all.add(nanos);
                commands.incrementAndGet();
                synchronized (byType) {
                    byType.computeIfAbsent(call.type(), k -> new Load.Latencies());
                }
                byType.get(call.type()).add(nanos);
            }
        });
        results.add(section, "open-item mix: commands/s", commands.get() / r.seconds(), "/s", "PostgreSQL append, 8 clients",
                raw.get("pg8"), null);
        results.add(section, "open-item mix: p50", all.percentileMillis(50), "ms");
        results.add(section, "open-item mix: p99", all.percentileMillis(99), "ms", "PostgreSQL append, 8 clients p99", raw.get("pg8p99"), null);
        byType.forEach((type, l) -> results.add(section, type + ": p99", l.percentileMillis(99), "ms"));
        if (r.errors() > 0) {
            results.detail("open-item mix errors", r.errors() + ", first: " + r.firstError());
        }
    }

    // ------------------------------------------------------------------ 3. lag

    private final Map<String, Long> watched = new ConcurrentHashMap<>();
    private final Map<String, Long> seenOnKafka = new ConcurrentHashMap<>();
    private final AtomicLong eventBytes = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger eventRecords = new java.util.concurrent.atomic.AtomicInteger();

    private void onEvent(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> rec) {
        long now = System.nanoTime();
        if (eventRecords.get() < 1000) {
            eventBytes.addAndGet(rec.value().length());
            eventRecords.incrementAndGet();
        }
        if (rec.key() != null && watched.containsKey(rec.key())) {
            seenOnKafka.putIfAbsent(rec.key(), now);
        }
    }

    private void lag() throws InterruptedException {
        double rate = maxRestRate / 2;
        String section = String.format(Locale.ROOT, "3. Lag at half the measured maximum (REST PostJournalEntry at %.0f/s, open loop)", rate);
        log(section);
        int workers = 16;
        long count = Math.max(1, (long) (rate * scale.lag().toSeconds()));
        int sampleEvery = (int) Math.max(1, Math.round(rate / 20)); // konto polls for about 20 entries a second
        Load.Latencies rest = new Load.Latencies();
        Load.Latencies konto = new Load.Latencies();
        AtomicLong kontoTimeouts = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        ScheduledExecutorService pollers = Executors.newScheduledThreadPool(4);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + 100_000_000L;
        double intervalNanos = 1e9 / rate;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                long i;
                while ((i = next.getAndIncrement()) < count) {
                    long due = start + (long) (i * intervalNanos);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                    Workload.Entry e = work.entry();
                    watched.put(e.id(), due);
                    try {
                        Http.Response r = ledger.post("/api/journal-entries", e.json());
                        long now = System.nanoTime();
                        if (r.status() != 201) {
                            errors.incrementAndGet();
                            continue;
                        }
                        rest.add(now - due); // from when it was due: a late start counts (no coordinated omission)
                        accepted.put(e.id(), now);
                        if (i % sampleEvery == 0) {
                            pollers.schedule(new KontoPoll(e, now, konto, kontoTimeouts, pollers), 5, TimeUnit.MILLISECONDS);
                        }
                    } catch (RuntimeException ex) {
                        errors.incrementAndGet();
                    }
                }
            }, "lag-" + w);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        // let the last ones arrive
        long deadline = System.nanoTime() + Duration.ofSeconds(scale.quick() ? 30 : 60).toNanos();
        while (System.nanoTime() < deadline && (seenOnKafka.size() < accepted.size() || pending.get() > 0)) {
            Thread.sleep(100);
        }
        pollers.shutdownNow();
        long end = System.nanoTime();
        List.copyOf(openPolls.keySet()).forEach(p -> p.giveUp(end));
        Load.Latencies kafka = new Load.Latencies();
        long kafkaMissing = 0;
        for (Map.Entry<String, Long> a : accepted.entrySet()) {
            Long seen = seenOnKafka.get(a.getKey());
            if (seen == null) {
                kafkaMissing++;
                kafka.add(end - a.getValue()); // not seen yet: counted with the time waited, a lower bound
            } else {
                kafka.add(Math.max(0, seen - a.getValue()));
            }
        }
        results.add(section, "achieved rate", accepted.size() / sendSeconds, "/s");
        results.add(section, "REST PostJournalEntry at half rate: p50", rest.percentileMillis(50), "ms");
        results.add(section, "REST PostJournalEntry at half rate: p99", rest.percentileMillis(99), "ms",
                "PostgreSQL append, 8 clients p99", raw.get("pg8p99"), "< 50 ms");
        String kontoBound = kontoTimeouts.get() == 0 ? "" : String.format(Locale.ROOT, " (at least: %d of %d not readable when the wait ended)",
                kontoTimeouts.get(), konto.count());
        String kafkaBound = kafkaMissing == 0 ? "" : String.format(Locale.ROOT, " (at least: %d of %d not consumed when the wait ended)",
                kafkaMissing, kafka.count());
        results.add(section, "accepted → readable in konto view (GET /api/accounts/{n}): p50" + kontoBound, konto.percentileMillis(50), "ms");
        results.add(section, "accepted → readable in konto view: p99" + kontoBound, konto.percentileMillis(99), "ms", null, null, "< 1000 ms");
        results.add(section, "accepted → consumed from ledger.events: p50" + kafkaBound, kafka.percentileMillis(50), "ms");
        results.add(section, "accepted → consumed from ledger.events: p99" + kafkaBound, kafka.percentileMillis(99), "ms", null, null, "< 500 ms");
        results.detail("lag sample", String.format(Locale.ROOT, "%d entries sent, %d accepted, %d errors; konto view polled for %d"
                        + " (1 in %d, poll interval 5%% of the time waited, 10-500 ms), %d not readable within the wait; %d not seen on Kafka"
                        + " (those count with the time waited: the percentiles are then lower bounds)",
                count, accepted.size(), errors.get(), konto.count(), sampleEvery, kontoTimeouts.get(), kafkaMissing));
        watched.clear();
    }

    private final AtomicLong pending = new AtomicLong();
    /** Konto polls still waiting: at the end each counts with the time it has waited so far (a lower bound). */
    private final Map<KontoPoll, Boolean> openPolls = new ConcurrentHashMap<>();

    /** Polls one entry's non-bank account until the entry shows in its postings; backs off with the time waited. */
    private final class KontoPoll implements Runnable {
        private final Workload.Entry entry;
        private final long acceptedAt;
        private final Load.Latencies into;
        private final AtomicLong timeouts;
        private final ScheduledExecutorService pollers;
        private final AtomicBoolean counted = new AtomicBoolean();

        KontoPoll(Workload.Entry entry, long acceptedAt, Load.Latencies into, AtomicLong timeouts, ScheduledExecutorService pollers) {
            this.entry = entry;
            this.acceptedAt = acceptedAt;
            this.into = into;
            this.timeouts = timeouts;
            this.pollers = pollers;
            pending.incrementAndGet();
            openPolls.put(this, true);
        }

        @Override
        public void run() {
            try {
                Http.Response r = ledger.get("/api/accounts/" + entry.account());
                long now = System.nanoTime();
                if (r.ok() && r.body().contains("\"" + entry.id() + "\"")) {
                    into.add(now - acceptedAt);
                    done();
                    return;
                }
                long waited = now - acceptedAt;
                if (waited > Duration.ofSeconds(120).toNanos()) {
                    into.add(waited); // not readable yet: counted with the time waited, a lower bound
                    timeouts.incrementAndGet();
                    done();
                    return;
                }
                long delay = Math.max(10_000_000L, Math.min(500_000_000L, waited / 20));
                pollers.schedule(this, delay, TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) {
                if (!pollers.isShutdown()) {
                    pollers.schedule(this, 50, TimeUnit.MILLISECONDS);
                }
            }
        }

        private void done() {
            if (counted.compareAndSet(false, true)) {
                pending.decrementAndGet();
                openPolls.remove(this);
            }
        }

        /** The run is over and the entry is still not readable: it counts with the time waited so far. */
        void giveUp(long now) {
            if (counted.compareAndSet(false, true)) {
                pending.decrementAndGet();
                openPolls.remove(this);
                into.add(now - acceptedAt);
                timeouts.incrementAndGet();
            }
        }
    }

    // ------------------------------------------------------------------ 5. payroll

    private void payroll() throws Exception {
        String section = String.format(Locale.ROOT, "5. Payroll: voucher generation, %,d employees × %d lines (CSV upload)",
                scale.employees(), scale.linesPerEmployee());
        log(section);
        Payroll.Outcome o = Payroll.run(payroll, work.prefix, scale.employees(), scale.linesPerEmployee(), () -> new HeapSampler(payroll));
        if (!"CALCULATED".equals(o.status()) && !"APPROVAL_PENDING".equals(o.status())) {
            throw new IllegalStateException("payroll run ended " + o.status() + ": " + o.run());
        }
        results.add(section, "upload, checked and stored: lines/s", o.lines() / o.uploadSeconds(), "/s");
        results.add(section, "voucher generation (setup read, voucher and spec): lines/s", o.lines() / o.generationSeconds(), "/s",
                null, null, "≥ 100 000/s");
        results.add(section, "upload + generation: lines/s", o.lines() / (o.uploadSeconds() + o.generationSeconds()), "/s");
        results.add(section, "peak heap of payroll-posting-service", o.peakHeapBytes() / 1048576.0, "MB", null, null, "< 512 MB");
        JsonNode v = o.run().path("vouchers").path(0);
        results.detail("payroll run", String.format(Locale.ROOT, "%,d lines, employees POST %.1f s, upload %.1f s, generation %.1f s,"
                        + " %s voucher lines, status %s", o.lines(), o.employeesSeconds(), o.uploadSeconds(), o.generationSeconds(),
                v.path("voucherLines").asText("?"), o.status()));
    }

    // ------------------------------------------------------------------ 4. replay

    private void replay() throws Exception {
        String user = target.dbUser();
        String password = target.dbPassword();
        String section = "4. Replay: views rebuilt from the event store (POST /api/admin/projections/{view}/rebuild)";
        log(section);
        catchUp("before the replay");
        long live = Replay.count(target.jdbcUrl(), user, password, "SELECT count(*) FROM domainevententry");
        // each view alone, from the events this run posted through the API
        for (String view : VIEWS) {
            HeapSampler heap = new HeapSampler(ledger);
            Replay.Progress p = Replay.rebuild(ledger, List.of(view), live, scale.replayAloneCap(), Duration.ofMillis(500)).get(0);
            long peak = heap.stop();
            results.add(section, String.format(Locale.ROOT, "%s alone, %,d events: events/s", view, live), p.eventsPerSecond(), "/s",
                    "MongoDB upsert, 1 client", raw.get("mongo1"), "≥ 0.5 of raw");
            results.add(section, String.format(Locale.ROOT, "%s alone: peak heap of ledger-app", view), peak / 1048576.0, "MB");
            if (!p.finished()) {
                results.detail(view + " alone", String.format(Locale.ROOT, "not finished within %d s: %,d of %,d events",
                        scale.replayAloneCap().toSeconds(), p.events(), live));
            }
        }
        // a large store: this run's events copied under new ids, then both views rebuilt at once
        long t0 = System.nanoTime();
        long seeded = Replay.seed(target.jdbcUrl(), user, password, work.prefix, scale.replayEvents());
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        long total = Replay.count(target.jdbcUrl(), user, password, "SELECT count(*) FROM domainevententry");
        results.detail("replay store", String.format(Locale.ROOT, "%,d events posted through the API, %,d copies of them seeded by SQL"
                + " in %.0f s (%,.0f rows/s); mix %s", live, seeded, seedSeconds, seeded / seedSeconds, Replay.mix(target.jdbcUrl(), user, password)));
        HeapSampler heap = new HeapSampler(ledger);
        List<Replay.Progress> big = Replay.rebuild(ledger, VIEWS, total, scale.replayCap(), Duration.ofSeconds(scale.quick() ? 1 : 5));
        long peak = heap.stop();
        for (Replay.Progress p : big) {
            results.add(section, String.format(Locale.ROOT, "%s, %,d events (both views at once)%s: events/s", p.view(), total,
                            p.finished() ? "" : String.format(Locale.ROOT, ", %.0f%% done in the %d s cap", 100.0 * p.events() / total,
                                    scale.replayCap().toSeconds())),
                    p.eventsPerSecond(), "/s", "MongoDB upsert, 1 client", raw.get("mongo1"), "≥ 0.5 of raw");
            results.detail(p.view() + " rebuild progress (seconds, position)", curve(p.curve()));
        }
        results.add(section, String.format(Locale.ROOT, "%,d events: peak heap of ledger-app", total), peak / 1048576.0, "MB");
        Replay.Progress.FAILURES.forEach((views, why) -> results.detail("admin API unanswered while rebuilding " + views, why));
    }

    private static String curve(List<double[]> points) {
        StringBuilder b = new StringBuilder();
        int step = Math.max(1, points.size() / 12);
        for (int i = 0; i < points.size(); i += step) {
            b.append(String.format(Locale.ROOT, "%.0fs:%.0f ", points.get(i)[0], points.get(i)[1]));
        }
        if (!points.isEmpty()) {
            double[] last = points.get(points.size() - 1);
            b.append(String.format(Locale.ROOT, "%.0fs:%.0f", last[0], last[1]));
        }
        return b.toString().trim();
    }

    private void catchUp(String when) throws InterruptedException {
        catchUp(when, scale.catchUpCap());
    }

    /** Waits for the views and the publisher to drain what the last phase left (so the next one starts level), up to a cap. */
    private void catchUp(String when, Duration cap) throws InterruptedException {
        double s = Replay.awaitCaughtUp(ledger, cap);
        log(String.format(Locale.ROOT, "  views and publisher caught up %s in %s", when,
                Double.isNaN(s) ? "more than the " + cap.toSeconds() + " s cap" : String.format(Locale.ROOT, "%.1f s", s)));
        results.detail("catch-up " + when, Double.isNaN(s) ? "not within " + cap.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", s));
    }

    // ------------------------------------------------------------------ helpers

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static String git(Path repo, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GB", kb / 1048576.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown";
    }

    /** Samples what the ledger's PostgreSQL sessions wait on, every 50 ms, on its own connection. */
    static final class WaitSampler {
        private final Map<String, Long> counts = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        WaitSampler(Target target) {
            thread = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.dbUser(), target.dbPassword());
                     Statement s = c.createStatement()) {
                    while (running) {
                        try (ResultSet rs = s.executeQuery("SELECT coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-'),"
                                + " count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                                + " AND pid <> pg_backend_pid() AND backend_type = 'client backend' GROUP BY 1")) {
                            while (rs.next()) {
                                counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
                            }
                        }
                        Thread.sleep(50);
                    }
                } catch (Exception e) {
                    counts.put("sampling failed: " + e.getMessage(), 1L);
                }
            }, "pg-waits");
            thread.setDaemon(true);
            thread.start();
        }

        /** Stops; answers the waits, most frequent first, as "event: share of active samples". */
        String stop() throws InterruptedException {
            running = false;
            thread.join(5000);
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder b = new StringBuilder();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6).forEach(e ->
                    b.append(String.format(Locale.ROOT, "%s %.0f%%, ", e.getKey(), 100.0 * e.getValue() / Math.max(1, total))));
            return b.length() == 0 ? "no active sessions sampled" : b.substring(0, b.length() - 2) + " (" + total + " session samples)";
        }
    }
}
