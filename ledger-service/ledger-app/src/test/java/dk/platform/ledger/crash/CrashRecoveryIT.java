package dk.platform.ledger.crash;

import dk.platform.test.TestIdentities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.Topics;
import dk.platform.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3's "done when": killing ledger-app with SIGKILL in the middle of a burst of 1 000
 * payments and starting it again loses nothing and duplicates nothing.
 * <p>
 * The packaged jar runs as a child process against an embedded PostgreSQL (events, command log),
 * the Mongo-wire server (views, tracking tokens) and a KRaft broker, all owned by this JVM so
 * they outlive the app. Four clients fire 1 000 payments of 10.00 at one open item; once 300 are
 * acknowledged the app gets SIGKILL. It is started again on the same databases, and the clients
 * do what a client must after a crash: re-send every payment (the ones not known to be done, and
 * the known-done ones as well). Acknowledged payments must answer 200 REPLAYED; the rest 201 or
 * 200. Then the event store, the views and {@code ledger.events} must show each payment once.
 * Plain JUnit on purpose: the app under test is the jar, not a Spring context in this JVM.
 */
class CrashRecoveryIT {

    private static final int PAYMENTS = 1000;
    private static final int KILL_AFTER = 300;
    private static final int CLIENTS = 4;
    private static final String PARTY = "CRASH";
    private static final String ITEM = "CRASH-INV-1";
    private static final BigDecimal ITEM_AMOUNT = new BigDecimal("1000000.00");
    private static final BigDecimal PAYMENT_AMOUNT = new BigDecimal("10.00");
    private static final int SIGKILL_EXIT = 128 + 9;
    /** The accounts the payments touch (numbers as in the shared test chart). */
    private static final List<String[]> ACCOUNTS = List.of(
            new String[]{"1010", "Omsætning", "REVENUE"},
            new String[]{"1100", "Debitorer", "ASSET"},
            new String[]{"5820", "Bank", "ASSET"});

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGET = Path.of(System.getProperty("basedir", ".")).resolve("target");

    private static EmbeddedKafkaKraftBroker kafka;
    private static String jdbcUrl;
    private static String mongoUri;
    private static int port;
    private static Path jar;
    private static Process app;

    record Response(int status, JsonNode body) {
        String outcome() {
            return body == null || body.get("outcome") == null ? null : body.get("outcome").asText();
        }
    }

    @BeforeAll
    static void infrastructure() throws IOException {
        kafka = new EmbeddedKafkaKraftBroker(1, 3).kafkaPorts(0);
        // The broker publishes itself in a JVM-wide system property; Spring test contexts cached by
        // other test classes read theirs from it, so put it back once this broker is up.
        String shared = System.getProperty(EmbeddedKafkaKraftBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        kafka.afterPropertiesSet();
        if (shared == null) {
            System.clearProperty(EmbeddedKafkaKraftBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        } else {
            System.setProperty(EmbeddedKafkaKraftBroker.SPRING_EMBEDDED_KAFKA_BROKERS, shared);
        }
        jdbcUrl = TestInfrastructure.newPostgresDatabase();
        mongoUri = TestInfrastructure.mongoUri() + "/crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        port = freePort();
        jar = privateCopyOfTheJar();
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null && app.isAlive()) {
                app.destroyForcibly();
                app.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (kafka != null) {
                kafka.destroy();
            }
            try {
                if (jar != null) {
                    Files.deleteIfExists(jar);
                }
            } catch (IOException ignored) {
                // only a copy in target/
            }
        }
    }

    @Test
    void sigkillInTheMiddleOfABurstOfPaymentsLosesNothingAndDuplicatesNothing() throws Exception {
        List<String> ids = IntStream.range(0, PAYMENTS).mapToObj(i -> String.format("PAY-%04d", i)).toList();

        // ---- 1. the app as a child process
        long started = System.nanoTime();
        app = start(TARGET.resolve("crash-ledger-1.log"));
        Duration firstStart = Duration.ofNanos(System.nanoTime() - started);
        HttpClient http = newClient();

        // ---- 2. accounts and the open item the payments go to
        for (String[] a : ACCOUNTS) {
            Response r = post(http, "/api/accounts", "{'number':'" + a[0] + "','name':'" + a[1] + "','type':'" + a[2] + "'}");
            assertThat(r.status()).as("opening account %s: %s", a[0], r).isEqualTo(201);
        }
        Response item = post(http, "/api/open-items", "{'openItemId':'" + ITEM + "','kind':'RECEIVABLE','party':'" + PARTY + "',"
                + "'documentNo':'C-1','postingDate':'2026-03-31','dueDate':'2026-04-30','text':'Crash test invoice',"
                + "'amount':'" + ITEM_AMOUNT.toPlainString() + "','controlAccount':'1100','offsetAccount':'1010'}");
        assertThat(item.status()).as(item.toString()).isEqualTo(201);

        // ---- 3. the burst, and SIGKILL once 300 payments are acknowledged
        Set<String> ackedBeforeKill = ConcurrentHashMap.newKeySet();
        Set<String> failedAtKill = ConcurrentHashMap.newKeySet();
        Map<String, Integer> unexpected = new ConcurrentHashMap<>();
        List<Throwable> errorsBeforeKill = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch enoughAcked = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long burstStarted = System.nanoTime();
        List<Future<?>> burst = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            burst.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < PAYMENTS; i = next.getAndIncrement()) {
                    String id = ids.get(i);
                    try {
                        Response r = post(http, "/api/payments", payment(id));
                        if (r.status() / 100 == 2) {
                            ackedBeforeKill.add(id);
                            if (ackedBeforeKill.size() >= KILL_AFTER) {
                                enoughAcked.countDown();
                            }
                        } else {
                            unexpected.put(id, r.status());
                        }
                    } catch (IOException e) {
                        failedAtKill.add(id);
                        if (!killed.get()) {
                            synchronized (errorsBeforeKill) {
                                errorsBeforeKill.add(e);
                            }
                        }
                        return; // the service is gone: this client stops and recovers later
                    }
                }
            }));
        }
        assertThat(enoughAcked.await(180, TimeUnit.SECONDS)).as("300 payments acknowledged within 180 s").isTrue();
        ProcessHandle handle = app.toHandle();
        assertThat(handle.isAlive()).as("the app is running when it is killed").isTrue();
        int ackedAtKill = ackedBeforeKill.size();
        killed.set(true);
        progress("SIGKILL to pid " + handle.pid() + " with " + ackedAtKill + " payments acknowledged");
        app.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no graceful shutdown
        assertThat(app.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Duration burstTime = Duration.ofNanos(System.nanoTime() - burstStarted);
        long killedAt = System.nanoTime();
        int exit = app.exitValue();
        for (Future<?> f : burst) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertThat(exit).as("exit value of a process killed by SIGKILL (128 + 9)").isEqualTo(SIGKILL_EXIT);
        assertThat(handle.isAlive()).isFalse();
        assertThat(ProcessHandle.of(handle.pid()).filter(ProcessHandle::isAlive)).as("pid %s gone", handle.pid()).isEmpty();
        assertThat(Files.readString(TARGET.resolve("crash-ledger-1.log")))
                .as("the first run died without a graceful shutdown").doesNotContain("Commencing graceful shutdown");
        assertThat(errorsBeforeKill).as("no client failed before the kill").isEmpty();
        assertThat(unexpected).as("every answer before the kill was 2xx").isEmpty();
        assertThat(ackedBeforeKill.size()).as("the kill came in the middle of the burst").isLessThan(PAYMENTS);
        int neverSent = PAYMENTS - ackedBeforeKill.size() - failedAtKill.size();

        // ---- 4. start again on the same databases, and re-send everything
        started = System.nanoTime();
        app = start(TARGET.resolve("crash-ledger-2.log"));
        Duration restart = Duration.ofNanos(System.nanoTime() - started);
        Duration killToHealthy = Duration.ofNanos(System.nanoTime() - killedAt);
        HttpClient http2 = newClient();
        progress("restarted and healthy; re-sending all " + PAYMENTS + " payments");

        Map<String, Response> resent = sendAll(http2, ids);
        Map<Integer, Long> statuses = resent.values().stream().collect(Collectors.groupingBy(Response::status, Collectors.counting()));
        assertThat(statuses.keySet()).as("every re-sent payment answers 201 or 200: %s",
                resent.entrySet().stream().filter(e -> e.getValue().status() / 100 != 2).limit(5).toList()).isSubsetOf(200, 201);
        for (String id : ackedBeforeKill) {
            Response r = resent.get(id);
            assertThat(r.status()).as("%s was acknowledged before the kill: %s", id, r).isEqualTo(200);
            assertThat(r.outcome()).as(id).isEqualTo("REPLAYED");
        }
        resent.forEach((id, r) -> {
            assertThat(r.body().get("id").asText()).isEqualTo(id);
            assertThat(r.outcome()).as(id).isEqualTo(r.status() == 200 ? "REPLAYED" : "POSTED");
        });
        Set<String> replayed = resent.entrySet().stream().filter(e -> e.getValue().status() == 200).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> committedButUnacknowledged = new TreeSet<>(replayed);
        committedButUnacknowledged.removeAll(ackedBeforeKill);
        assertThat(committedButUnacknowledged).as("only requests in flight at the kill can have committed unacknowledged")
                .isSubsetOf(failedAtKill);

        progress("re-sent: " + statuses);
        // and a second round: now every payment is known to be done
        Map<String, Response> again = sendAll(http2, ids);
        assertThat(again.values()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.outcome()).isEqualTo("REPLAYED");
        });

        progress("second re-send done");
        // ---- 5. nothing lost, nothing duplicated: the event store
        Set<String> paymentEventIds = new HashSet<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            assertThat(queryLong(db, "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%PaymentApplied'"))
                    .as("PaymentApplied events in the store").isEqualTo(PAYMENTS);
            assertThat(queryLong(db, "SELECT count(DISTINCT aggregateidentifier) FROM domainevententry WHERE payloadtype LIKE '%PaymentApplied'"))
                    .as("distinct payments in the store").isEqualTo(PAYMENTS);
            assertThat(queryStrings(db, "SELECT aggregateidentifier FROM domainevententry WHERE payloadtype LIKE '%PaymentApplied'"))
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(queryLong(db, "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = '" + ITEM
                    + "' AND payloadtype LIKE '%OpenItemAllocated'")).as("allocations on the item").isEqualTo(PAYMENTS);
            assertThat(queryLong(db, "SELECT max(sequencenumber) + 1 - count(*) FROM domainevententry WHERE aggregateidentifier = '"
                    + ITEM + "'")).as("the item's event stream has no holes").isZero();
            assertThat(queryLong(db, "SELECT count(*) FROM command_log WHERE command_id LIKE 'PAY-%'")).isEqualTo(PAYMENTS);
            paymentEventIds.addAll(queryStrings(db, "SELECT eventidentifier FROM domainevententry WHERE payloadtype LIKE '%PaymentApplied'"));
        }

        // ---- the views (eventually consistent: the tracking processors resume from their tokens)
        long catchUpStarted = System.nanoTime();
        BigDecimal expectedRemaining = ITEM_AMOUNT.subtract(PAYMENT_AMOUNT.multiply(BigDecimal.valueOf(PAYMENTS)));
        BigDecimal expectedBank = PAYMENT_AMOUNT.multiply(BigDecimal.valueOf(PAYMENTS));
        Phase1 phase1 = new Phase1(ackedBeforeKill, failedAtKill);
        JsonNode view = awaitGet(http2, "/api/open-items/" + ITEM,
                v -> amount(v.get("remaining")).compareTo(expectedRemaining) == 0 && payments(v).size() >= PAYMENTS,
                last -> diagnose(ids, new HashSet<>(payments(last)), phase1) + historyOrder(last));
        JsonNode bank = awaitGet(http2, "/api/accounts/5820", a -> amount(a.get("balance")).compareTo(expectedBank) == 0,
                last -> diagnose(ids, postedEntryIds(last), phase1));
        JsonNode trial = awaitGet(http2, "/api/trial-balance", t -> t.get("total").asText().equals("0.00"), last -> "");
        Duration catchUp = Duration.ofNanos(System.nanoTime() - catchUpStarted);

        assertThat(view.get("remaining").asText()).isEqualTo(expectedRemaining.toPlainString());
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        List<String> historyIds = payments(view);
        assertThat(historyIds).as("payment entries in the item's history").hasSize(PAYMENTS);
        assertThat(new TreeSet<>(historyIds)).as("distinct payment ids in the history").containsExactlyElementsOf(new TreeSet<>(ids));
        assertThat(bank.get("balance").asText()).isEqualTo(expectedBank.toPlainString());
        List<String> bankPostings = new ArrayList<>();
        bank.get("postings").forEach(p -> bankPostings.add(p.get("entryId").asText()));
        assertThat(bankPostings).as("postings on the bank account").hasSize(PAYMENTS);
        assertThat(new HashSet<>(bankPostings)).hasSize(PAYMENTS);
        JsonNode debtors = get(http2, "/api/accounts/1100").body();
        assertThat(amount(debtors.get("balance"))).as("the control account equals the item's remaining (SPEC §1.8)")
                .isEqualByComparingTo(expectedRemaining);
        assertThat(trial.get("total").asText()).isEqualTo("0.00");

        progress("views checked; reading ledger.events");
        // ---- ledger.events: every PaymentApplied at least once (at-least-once; consumers de-duplicate by eventId)
        Map<String, Integer> seen = readLedgerEvents(paymentEventIds);
        assertThat(seen.keySet()).as("every PaymentApplied of the store is on ledger.events").containsAll(paymentEventIds);
        long duplicateRecords = seen.values().stream().mapToLong(n -> n - 1).sum();
        long duplicatePayments = paymentEventIds.stream().filter(id -> seen.get(id) > 1).count();

        System.out.printf("%n==== CrashRecoveryIT figures ====%n"
                        + "first start to healthy:              %d ms%n"
                        + "burst: payments acknowledged at kill: %d (total 2xx before the process died: %d) in %d ms%n"
                        + "burst: failed in flight at the kill:  %d, never sent: %d%n"
                        + "SIGKILL exit value:                  %d%n"
                        + "restart to healthy:                  %d ms (kill to healthy %d ms)%n"
                        + "re-sent:                             %d -> %s (201 posted now, 200 replayed)%n"
                        + "replayed:                            %d = %d acknowledged + %d committed but unacknowledged %s%n"
                        + "second re-send:                      %d, all 200 REPLAYED%n"
                        + "views caught up after re-send in:    %d ms%n"
                        + "store: PaymentApplied events %d, distinct payments %d; item remaining %s; bank 5820 %s (%d postings); trial balance %s%n"
                        + "ledger.events: %d distinct event ids read, %d duplicate records (%d PaymentApplied events seen more than once)%n"
                        + "=================================%n",
                firstStart.toMillis(), ackedAtKill, ackedBeforeKill.size(), burstTime.toMillis(),
                failedAtKill.size(), neverSent, exit, restart.toMillis(), killToHealthy.toMillis(),
                resent.size(), statuses, replayed.size(), ackedBeforeKill.size(), committedButUnacknowledged.size(),
                committedButUnacknowledged, again.size(), catchUp.toMillis(),
                PAYMENTS, PAYMENTS, view.get("remaining").asText(), bank.get("balance").asText(), bankPostings.size(),
                trial.get("total").asText(), seen.size(), duplicateRecords, duplicatePayments);
    }

    private static void progress(String what) {
        System.out.println(java.time.Instant.now() + " CrashRecoveryIT: " + what);
    }

    // ------------------------------------------------------------------ the child process

    private static Process start(Path log) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-Daxoniq.update-checker.disabled=true", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        env.put("SPRING_DATA_MONGODB_URI", mongoUri);
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.getBrokersAsString());
        env.put("LOG_FORMAT", "");
        env.putAll(TestIdentities.environment());
        Process process = builder.start();
        HttpClient http = newClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("ledger-app exited with " + process.exitValue() + " before it was healthy; " + tail(log));
            }
            try {
                Response health = get(http, "/actuator/health");
                if (health.status() == 200 && health.body() != null && "UP".equals(health.body().path("status").asText())) {
                    progress("ledger-app pid " + process.pid() + " healthy on port " + port + ", log " + log.getFileName());
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        fail("ledger-app was not healthy within 90 s; " + tail(log));
        return process;
    }

    /**
     * Other builds in the same working tree may re-package target/ledger-app.jar while this test
     * runs, and a JVM whose jar is replaced under it fails with NoClassDefFoundError. Both runs
     * therefore use one private copy, taken right after this build's package phase.
     */
    private static Path privateCopyOfTheJar() throws IOException {
        Path packaged = TARGET.resolve("ledger-app.jar");
        assertThat(packaged).as("the packaged app (mvn package)").exists();
        Path copy = TARGET.resolve("crash-ledger-app.jar");
        for (int attempt = 1; ; attempt++) {
            Path temp = Files.createTempFile(TARGET, "crash-ledger-app", ".tmp");
            Files.copy(packaged, temp, StandardCopyOption.REPLACE_EXISTING);
            try (JarFile valid = new JarFile(temp.toFile())) {
                assertThat(valid.getManifest().getMainAttributes().getValue("Start-Class")).isNotBlank();
                Files.move(temp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return copy;
            } catch (IOException | AssertionError beingRewritten) {
                Files.deleteIfExists(temp);
                if (attempt == 5) {
                    throw beingRewritten;
                }
                sleep(2000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ the clients

    private static String payment(String id) {
        return "{'paymentId':'" + id + "','party':'" + PARTY + "','postingDate':'2026-04-20','text':'Indbetaling " + id + "',"
                + "'cashAccount':'5820','amount':'" + PAYMENT_AMOUNT.toPlainString() + "','applications':[{'openItemId':'" + ITEM
                + "','amount':'" + PAYMENT_AMOUNT.toPlainString() + "'}]}";
    }

    /** Sends every payment once from the client threads; any failure to get an answer fails the test. */
    private static Map<String, Response> sendAll(HttpClient http, List<String> ids) throws Exception {
        Map<String, Response> answers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                work.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                        answers.put(ids.get(i), post(http, "/api/payments", payment(ids.get(i))));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(300, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(answers).hasSize(ids.size());
        return answers;
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static Response post(HttpClient http, String path, String singleQuotedJson) throws IOException {
        return send(http, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").header("Authorization", "Bearer " + TestIdentities.token("crash-test", "poster"))
                .POST(HttpRequest.BodyPublishers.ofString(singleQuotedJson.replace('\'', '"'))));
    }

    private static Response get(HttpClient http, String path) throws IOException {
        return send(http, HttpRequest.newBuilder(uri(path)).header("X-Api-Key", TestIdentities.ALL_ROLES_KEY).GET());
    }

    private static Response send(HttpClient http, HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
            return new Response(r.statusCode(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Polls a view until the condition holds (max 60 s); if it never does, fails with the last answer and a diagnosis. */
    private static JsonNode awaitGet(HttpClient http, String path, Predicate<JsonNode> condition,
                                     java.util.function.Function<JsonNode, String> diagnosis) {
        JsonNode[] last = new JsonNode[1];
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                Response r = get(http, path);
                last[0] = r.body();
                return r.status() == 200 && condition.test(r.body());
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String shown = last[0] == null ? "null" : last[0].toString();
            fail("view " + path + " did not catch up within 60 s; " + (last[0] == null ? "" : diagnosis.apply(last[0]))
                    + "\nlast answer: " + shown.substring(0, Math.min(1000, shown.length())), e);
        }
        return last[0];
    }

    /** What the first run's clients knew about each payment. */
    record Phase1(Set<String> acknowledged, Set<String> failedAtKill) {
        String of(String id) {
            return acknowledged.contains(id) ? "acknowledged before the kill"
                    : failedAtKill.contains(id) ? "in flight at the kill" : "sent after the restart";
        }
    }

    /** The payments a view is missing, where their events sit in the store, and whether the item's stream is in global order. */
    private static String diagnose(List<String> ids, Set<String> inView, Phase1 phase1) {
        StringBuilder out = new StringBuilder();
        List<String> missing = ids.stream().filter(id -> !inView.contains(id)).toList();
        out.append("\n").append(missing.size()).append(" payment(s) missing from the view: ")
                .append(missing.subList(0, Math.min(20, missing.size())));
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            for (String id : missing.subList(0, Math.min(5, missing.size()))) {
                out.append("\n  ").append(id).append(" (").append(phase1.of(id)).append("):");
                try (var st = db.prepareStatement("SELECT globalindex, aggregateidentifier, sequencenumber, payloadtype, timestamp"
                        + " FROM domainevententry WHERE aggregateidentifier = ?"
                        + " OR (aggregateidentifier = ? AND convert_from(payload, 'UTF8') LIKE ?) ORDER BY globalindex")) {
                    st.setString(1, id);
                    st.setString(2, ITEM);
                    st.setString(3, "%\"" + id + "\"%");
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            out.append("\n    globalIndex=").append(rs.getLong(1)).append(' ').append(rs.getString(2))
                                    .append('#').append(rs.getLong(3)).append(' ')
                                    .append(rs.getString(4).substring(rs.getString(4).lastIndexOf('.') + 1))
                                    .append(" at ").append(rs.getString(5));
                        }
                    }
                }
            }
            out.append("\n  events of ").append(ITEM).append(" whose global order contradicts their sequence order: ")
                    .append(queryLong(db, "SELECT count(*) FROM domainevententry a JOIN domainevententry b"
                            + " ON a.aggregateidentifier = b.aggregateidentifier AND a.sequencenumber < b.sequencenumber"
                            + " AND a.globalindex > b.globalindex WHERE a.aggregateidentifier = '" + ITEM + "'"));
        } catch (SQLException e) {
            out.append("\n  (could not read the store: ").append(e).append(')');
        }
        return out.toString();
    }

    /** The item's history against the item's event stream: where the view's order departs from the sequence order. */
    private static String historyOrder(JsonNode view) {
        StringBuilder out = new StringBuilder("\n  view lastSequence=").append(view.path("lastSequence").asText("?"));
        Map<String, Long> sequenceOf = new HashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             ResultSet rs = db.createStatement().executeQuery("SELECT sequencenumber, convert_from(payload, 'UTF8') FROM domainevententry"
                     + " WHERE aggregateidentifier = '" + ITEM + "' AND payloadtype LIKE '%OpenItemAllocated'")) {
            while (rs.next()) {
                sequenceOf.put(JSON.readTree(rs.getString(2)).path("entryId").asText(), rs.getLong(1));
            }
        } catch (SQLException | IOException e) {
            return out.append(" (could not read the store: ").append(e).append(')').toString();
        }
        List<String> history = payments(view);
        long previous = 0;
        int shown = 0;
        for (int i = 0; i < history.size() && shown < 10; i++) {
            long sequence = sequenceOf.getOrDefault(history.get(i), -1L);
            if (sequence != previous + 1) {
                out.append("\n  history[").append(i).append("] = ").append(history.get(i)).append(" #").append(sequence)
                        .append(" follows #").append(previous);
                shown++;
            }
            previous = sequence;
        }
        return out.toString();
    }

    private static Set<String> postedEntryIds(JsonNode account) {
        Set<String> ids = new HashSet<>();
        account.get("postings").forEach(p -> ids.add(p.get("entryId").asText()));
        return ids;
    }

    private static List<String> payments(JsonNode openItem) {
        List<String> ids = new ArrayList<>();
        openItem.get("history").forEach(h -> {
            if (h.get("type").asText().equals("PaymentApplied")) {
                ids.add(h.get("id").asText());
            }
        });
        return ids;
    }

    private static BigDecimal amount(JsonNode node) {
        return new BigDecimal(node.asText());
    }

    // ------------------------------------------------------------------ the event store and the topic

    private static long queryLong(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> queryStrings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Reads ledger.events from the beginning until every expected event id was seen (max 60 s); answers the count per event id. */
    private static Map<String, Integer> readLedgerEvents(Set<String> expected) throws IOException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-recovery-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LEDGER_EVENTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!seen.keySet().containsAll(expected) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.merge(JSON.readTree(record.value()).get("eventId").asText(), 1, Integer::sum);
                }
            }
            // and whatever else is already there (duplicates published after the last expected id)
            for (var records = consumer.poll(Duration.ofSeconds(1)); !records.isEmpty(); records = consumer.poll(Duration.ofSeconds(1))) {
                for (ConsumerRecord<String, String> record : records) {
                    seen.merge(JSON.readTree(record.value()).get("eventId").asText(), 1, Integer::sum);
                }
            }
        }
        return seen;
    }
}
