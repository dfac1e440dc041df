package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.mediahub.it.drill.DrillClient;
import com.mediahub.it.drill.DrillReport;
import com.mediahub.it.drill.Fault;
import com.mediahub.platform.crypto.OpaqueValues;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Issue 20: three instances behind HAProxy (the shipped template) on a throw-away PostgreSQL
 * cluster. First 10^4 concurrent refresh attempts on 10^3 families across the instances; then
 * the drill: 120 clients for about two and a half minutes while one instance is killed with -9 and
 * started again, PostgreSQL restarts, and every instance is restarted one at a time. Both share
 * one cluster: starting three servers is the slow part, and CI time is finite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterDrillIT {

    private static final int INSTANCES = 3;
    private static final int CLIENTS = 120;
    private static final String PASSWORD = "drill-password";
    /** How long after the database is back its broken pooled connections may still answer 503. */
    private static final Duration DATABASE_TAIL = Duration.ofSeconds(10);
    /** Short access tokens, so that every client refreshes every few seconds. */
    private static final String CONFIG = """
            [auth]
            bcrypt_cost = 5
            [jwt]
            access_duration_seconds = 6
            """;

    @TempDir
    static Path workDir;

    private static ThrowawayPostgres postgres;
    private static LocalCluster cluster;
    private static Haproxy haproxy;
    private static Db db;
    private static Api api;

    @BeforeAll
    static void startCluster() {
        // Each part is assigned before it starts, so that @AfterAll stops what did start.
        postgres = new ThrowawayPostgres();
        postgres.start();
        String url = postgres.jdbcUrl("postgres");
        db = new Db(url, "postgres", "");
        cluster = new LocalCluster(Map.of(
                "FDB_DB_URL", url,
                "FDB_DB_USER", "postgres",
                "FDB_JWT_SECRET", ItEnvironment.jwtSecret(),
                "FDB_MFA_KEY", System.getenv("FDB_MFA_KEY"),
                "FDB_ADMIN_PASSWORD", ItEnvironment.adminPassword()), workDir, CONFIG, INSTANCES);
        cluster.start();
        haproxy = new Haproxy(workDir, cluster.ports());
        haproxy.start();
        haproxy.awaitAllUp(INSTANCES, Duration.ofSeconds(30));
        api = new Api(haproxy.baseUrl());
    }

    @AfterAll
    static void stopCluster() {
        for (AutoCloseable part : new AutoCloseable[] {haproxy, cluster, postgres}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // the next part still has to stop
            }
        }
    }

    /** HAProxy's own answers are the API's JSON errors (server-config/cluster/errors), not HTML pages. */
    @Test
    @Order(1)
    void theLoadBalancersOwnAnswersAreTheApisJsonErrors() {
        api.get("/api/..;/health", null).expectError(400, "Invalid request path");
        for (int i = 1; i <= INSTANCES; i++) {
            haproxy.setState(Haproxy.name(i), "maint");
        }
        try {
            Reply reply = api.get("/api/health", null).expectError(503, "Service temporarily unavailable");
            assertEquals("1", reply.header("Retry-After"), reply.body());
        } finally {
            for (int i = 1; i <= INSTANCES; i++) {
                haproxy.setState(Haproxy.name(i), "ready");
            }
        }
        haproxy.awaitAllUp(INSTANCES, Duration.ofSeconds(10));
        api.get("/api/health", null).expect(200);
    }

    /**
     * 10^3 families, each token presented 10 times at once, spread over the three instances
     * directly: one 200 per token, 401 for the other nine, no family revoked as a theft, and the
     * database holds exactly the winners' tokens.
     */
    @Test
    @Order(2)
    void tenThousandRefreshAttemptsOnAThousandFamiliesHaveOneWinnerEach() throws Exception {
        int families = 1_000;
        int attemptsPerToken = 10;
        List<Api.TestUser> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // 50 sessions each: below max_sessions_per_user (100)
            users.add(api.createUser("race", PASSWORD, "user"));
        }
        List<Api> instances = new ArrayList<>();
        for (int i = 1; i <= INSTANCES; i++) {
            instances.add(new Api(cluster.baseUrl(i)));
        }
        List<String> tokens;
        long signingIn = System.nanoTime();
        ExecutorService signIns = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> signedIn = new ArrayList<>();
            for (int f = 0; f < families; f++) {
                Api.TestUser user = users.get(f % users.size());
                Api instance = instances.get(f % INSTANCES);
                signedIn.add(signIns.submit(() -> instance.login(user.username(), user.password()).refresh()));
            }
            tokens = new ArrayList<>();
            for (Future<String> token : signedIn) {
                tokens.add(token.get(60, TimeUnit.SECONDS));
            }
        } finally {
            signIns.shutdownNow();
        }
        double signInSeconds = (System.nanoTime() - signingIn) / 1e9;
        Map<String, Double> before = scrapeAll();

        // Ten families at a time, their ten attempts each released together by a latch; a family
        // done lets the next one start, so that about 100 requests are always in flight. The pool
        // has threads to spare, so that every attempt of a family is waiting at its latch.
        int familiesAtOnce = 10;
        ExecutorService pool = Executors.newFixedThreadPool(familiesAtOnce * attemptsPerToken + attemptsPerToken);
        Semaphore inFlight = new Semaphore(familiesAtOnce);
        List<CompletableFuture<List<Reply>>> replies = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (String token : tokens) {
                inFlight.acquire();
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Reply>> onToken = new ArrayList<>();
                for (int a = 0; a < attemptsPerToken; a++) {
                    Api target = instances.get(a % INSTANCES);
                    onToken.add(CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(go);
                        return target.refresh(token);
                    }, pool));
                }
                go.countDown();
                CompletableFuture<List<Reply>> family = CompletableFuture.allOf(onToken.toArray(CompletableFuture[]::new))
                        .thenApply(done -> onToken.stream().map(CompletableFuture::join).toList());
                family.whenComplete((answers, failure) -> inFlight.release());
                replies.add(family);
            }
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        List<String> winners = new ArrayList<>();
        Map<Integer, Long> statuses = new HashMap<>();
        for (int f = 0; f < families; f++) {
            List<Reply> onToken = replies.get(f).join();
            onToken.forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
            List<Reply> won = onToken.stream().filter(r -> r.status() == 200).toList();
            assertEquals(1, won.size(), "family " + f + ": " + onToken.stream().map(r -> r.status() + " " + r.body()).toList());
            onToken.stream().filter(r -> r.status() != 200).forEach(r -> r.expectError(401, "Invalid or expired refresh token"));
            winners.add(won.get(0).json().getString("refresh_token"));
        }
        String userIds = users.stream().map(u -> Long.toString(u.id())).collect(Collectors.joining(","));
        long liveRows = db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id IN (" + userIds + ")");
        long winnersStored = db.count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash IN (" + hashes(winners) + ")");
        long forked = db.count("SELECT COUNT(*) FROM (SELECT family_id FROM refresh_tokens WHERE user_id IN (" + userIds
                + ") GROUP BY family_id HAVING COUNT(*) > 1) f");
        long consumed = db.count("SELECT COUNT(*) FROM consumed_refresh_tokens WHERE token_hash IN (" + hashes(tokens) + ")");
        Map<String, Double> after = scrapeAll();
        double ok = change(before, after, "mediahub_refreshes_total{result=\"ok\"}");
        double rejected = change(before, after, "mediahub_refreshes_total{result=\"rejected\"}");
        double reuse = change(before, after, "mediahub_refreshes_total{result=\"reuse_detected\"}");
        String summary = String.format("Refresh race: %d families signed in in %.1f s; %d attempts on %d families over %d instances in %.1f s (%.0f attempts/s); "
                        + "answers %s; rows: %d live (%d of them the winners' tokens, %d families forked), %d presented tokens "
                        + "consumed; metrics: ok +%.0f, rejected +%.0f, reuse_detected +%.0f",
                families, signInSeconds, families * attemptsPerToken, families, INSTANCES, seconds, families * attemptsPerToken / seconds, statuses,
                liveRows, winnersStored, forked, consumed, ok, rejected, reuse);
        System.out.println(summary);
        assertEquals(families, liveRows, summary);
        assertEquals(families, winnersStored, summary);
        assertEquals(0, forked, summary);
        assertEquals(families, consumed, summary);
        assertEquals(families, ok, summary);
        assertEquals(families * (attemptsPerToken - 1), rejected, summary);
        assertEquals(0, reuse, summary);
    }

    /** The drill of issue 20. Prints its summary; every check is in {@link DrillReport}. */
    @Test
    @Order(3)
    void clientsRideOutAKilledInstanceADatabaseRestartAndARollingRestart() throws Exception {
        List<Api.TestUser> users = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            users.add(api.createUser("drill", PASSWORD, "user"));
        }
        ReadWriteLock gate = new ReentrantReadWriteLock(true);
        AtomicBoolean stop = new AtomicBoolean();
        List<DrillClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(new DrillClient(haproxy.baseUrl(), users.get(i).username(), PASSWORD, i % 10 == 0, gate, stop, i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long loadStart = System.nanoTime();
        List<Future<?>> runs = clients.stream().<Future<?>>map(pool::submit).toList();
        List<Fault> faults = new ArrayList<>();
        DrillReport.QuietWindow quiet;
        try {
            Thread.sleep(10_000);
            faults.add(progress(killAndStartAgain(2), loadStart));
            Thread.sleep(5_000);
            faults.add(progress(restartDatabase(), loadStart));
            Thread.sleep(5_000);
            faults.add(progress(rollingRestart(), loadStart));
            Thread.sleep(5_000);
            quiet = quietWindow(gate, Duration.ofSeconds(20));
        } finally {
            stop.set(true);
            pool.shutdown();
            if (!pool.awaitTermination(90, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
        long loadEnd = System.nanoTime();
        assertTrue(pool.isTerminated(), "the clients did not stop");
        for (Future<?> run : runs) {
            run.get(); // a client that threw fails the drill here, with its exception
        }

        Set<Long> ids = users.stream().map(Api.TestUser::id).collect(Collectors.toSet());
        String userIds = ids.stream().map(Object::toString).collect(Collectors.joining(","));
        List<String> loggedOut = clients.stream().flatMap(c -> c.loggedOut().stream()).toList();
        List<String> held = clients.stream().map(DrillClient::refreshToken).filter(t -> t != null).toList();
        DrillReport.DatabaseFacts facts = new DrillReport.DatabaseFacts(
                db.count("SELECT COUNT(*) FROM (SELECT family_id FROM refresh_tokens WHERE expiry > now() "
                        + "GROUP BY family_id HAVING COUNT(*) > 1) f"),
                loggedOut.isEmpty() ? 0 : db.count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash IN (" + hashes(loggedOut) + ")"),
                db.count("SELECT COUNT(*) FROM refresh_tokens WHERE expiry > now() AND user_id IN (" + userIds + ")"),
                CLIENTS - (held.isEmpty() ? 0 : db.count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash IN (" + hashes(held) + ")")));
        DrillReport report = new DrillReport(clients, faults, loadStart, loadEnd, quiet, facts, auditOf(ids));
        System.out.println(report.summary());
        assertTrue(report.violations().isEmpty(), report.summary() + String.join("\n", report.violations().stream().limit(40).toList()));
    }

    /** Says in the build's output when each fault happened, while the drill runs. */
    private static Fault progress(Fault fault, long loadStart) {
        System.out.printf("drill: %s from %.1f s to %.1f s of the load%n", fault.name(),
                (fault.start() - loadStart) / 1e9, (fault.end() - loadStart) / 1e9);
        return fault;
    }

    /** kill -9 of one instance under load, then the same instance started again. */
    private static Fault killAndStartAgain(int instance) {
        long start = System.nanoTime();
        long instant = cluster.instance(instance).kill();
        cluster.instance(instance).start();
        haproxy.awaitUp(Haproxy.name(instance), Duration.ofSeconds(30));
        return Fault.kill("kill -9 of instance-" + instance + ", start again", start, instant, System.nanoTime());
    }

    /**
     * PostgreSQL's fast restart. Afterwards each pooled connection the restart broke fails once
     * (503) when it is next used: the documented window lasts until HAProxy has every instance
     * back, plus the time that takes at the drill's rate (DATABASE_TAIL).
     */
    private static Fault restartDatabase() {
        long start = System.nanoTime();
        postgres.restart();
        haproxy.awaitAllUp(INSTANCES, Duration.ofSeconds(60));
        return Fault.databaseAway("PostgreSQL restart (pg_ctl stop -m fast, start)", start, System.nanoTime(), DATABASE_TAIL);
    }

    /**
     * docs/operations.md's rolling restart: take the instance out at HAProxy, let its open
     * requests finish, stop it (SIGTERM), start it, put it back. No client may notice.
     */
    private static Fault rollingRestart() {
        long start = System.nanoTime();
        for (int i = 1; i <= INSTANCES; i++) {
            String name = Haproxy.name(i);
            haproxy.setState(name, "maint");
            haproxy.awaitIdle(name, Duration.ofSeconds(10));
            cluster.instance(i).stop();
            cluster.instance(i).start();
            haproxy.setState(name, "ready");
            haproxy.awaitUp(name, Duration.ofSeconds(30));
        }
        return Fault.unnoticed("rolling restart of all " + INSTANCES + " instances", start, System.nanoTime());
    }

    /** Load with no fault between two moments when no client has a request open; the metrics across it. */
    private static DrillReport.QuietWindow quietWindow(ReadWriteLock gate, Duration length) throws InterruptedException {
        Map<String, Double> before;
        long start;
        pauseEveryClient(gate);
        try {
            before = scrapeAll();
            start = System.nanoTime();
        } finally {
            gate.writeLock().unlock();
        }
        Thread.sleep(length.toMillis());
        pauseEveryClient(gate);
        try {
            long end = System.nanoTime();
            Map<String, Double> after = scrapeAll();
            Map<String, Double> changes = new HashMap<>();
            after.forEach((series, value) -> changes.put(series, value - before.getOrDefault(series, 0.0)));
            changes.values().removeIf(change -> change == 0.0);
            changes.keySet().removeIf(series -> !series.startsWith("mediahub_logins_total")
                    && !series.startsWith("mediahub_refreshes_total") && !series.startsWith("mediahub_logouts_total"));
            return new DrillReport.QuietWindow(start, end, changes);
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Waits until no client has a request open, and keeps them from sending more; fails rather than hang. */
    private static void pauseEveryClient(ReadWriteLock gate) throws InterruptedException {
        if (!gate.writeLock().tryLock(60, TimeUnit.SECONDS)) {
            throw new AssertionError("a client kept a request open (or kept retrying) for 60 s; the quiet window cannot start");
        }
    }

    /** Every instance's counters, summed per series. */
    private static Map<String, Double> scrapeAll() {
        Map<String, Double> sum = new HashMap<>();
        for (int i = 1; i <= INSTANCES; i++) {
            String text = new Api(cluster.baseUrl(i)).get("/api/metrics", Api.basic("admin", ItEnvironment.adminPassword())).expect(200).body();
            text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
                int space = line.lastIndexOf(' ');
                sum.merge(line.substring(0, space), Double.parseDouble(line.substring(space + 1)), Double::sum);
            });
        }
        return sum;
    }

    private static double change(Map<String, Double> before, Map<String, Double> after, String series) {
        return after.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0);
    }

    /** The number of each audit event of the given users, from every instance's audit file. */
    private static Map<String, Long> auditOf(Set<Long> userIds) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : cluster.auditLines()) {
            JsonObject event = Json.createReader(new StringReader(line)).readObject();
            if (!event.isNull("user") && userIds.contains(event.getJsonNumber("user").longValue())) {
                counts.merge(event.getString("event"), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hashes(List<String> tokens) {
        return tokens.stream().map(t -> "'" + OpaqueValues.sha256Hex(t) + "'").collect(Collectors.joining(","));
    }

    private static long seconds(int seconds) {
        return Duration.ofSeconds(seconds).toNanos();
    }
}
