package com.mediahub.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.HdrHistogram.Histogram;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * The HTTP load harness of bench/run.sh: closed-loop virtual users over loopback, each with its
 * own keep-alive connection ({@link KeepAliveConnection}), latencies in an HdrHistogram. A Java
 * harness rather than wrk so that the benchmark needs nothing but what the build already has (it
 * also runs, in quick mode, in the test suite), and so that the refresh scenario can chain each
 * response's token into the next request. Set-up (users, logins) uses the JDK HttpClient.
 *
 * <pre>
 * LoadHarness run --base URL --admin-password P --jdbc URL --db-user U --db-password P
 *             --scenarios a,b,... --warmup S --duration S --csv FILE [--prefill N1,N2]
 * LoadHarness report --csv FILE --pgbench FILE --jmh FILE --out DIR [--peer-csv FILE]
 * </pre>
 */
public final class LoadHarness {

    static final String CSV_HEADER = "scenario,concurrency,requests_per_second,p50_ms,p99_ms,errors,requests";
    private static final String PASSWORD = "benchmark-password-1";

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private LoadHarness(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (args.length > 0 && args[0].equals("report")) {
            BenchmarkReport.write(Path.of(options.get("csv")), Path.of(options.get("pgbench")), Path.of(options.get("jmh")),
                    Path.of(options.get("out")), options.containsKey("peer-csv") ? Path.of(options.get("peer-csv")) : null);
        } else {
            new LoadHarness(options).run();
        }
        System.exit(0);
    }

    /** One measured scenario. */
    record Result(String scenario, int concurrency, double requestsPerSecond, double p50Millis, double p99Millis,
                  long errors, long requests) {
        String csv() {
            return String.format(Locale.ROOT, "%s,%d,%.1f,%.3f,%.3f,%d,%d", scenario, concurrency, requestsPerSecond,
                    p50Millis, p99Millis, errors, requests);
        }
    }

    /** One virtual user's next request; returns whether it succeeded. */
    interface Step {
        boolean call() throws Exception;
    }

    /** Sets up virtual user number {@code vu} (its user, its login) and returns its request. */
    interface VirtualUser {
        Step create(int vu) throws Exception;
    }

    private void run() throws Exception {
        Path csv = Path.of(options.get("csv"));
        if (!Files.exists(csv)) {
            Files.writeString(csv, CSV_HEADER + "\n");
        }
        for (String scenario : options.get("scenarios").split(",")) {
            Result result = scenario(scenario);
            System.out.printf(Locale.ROOT, "%-22s c=%-3d %9.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n",
                    result.scenario(), result.concurrency(), result.requestsPerSecond(), result.p50Millis(),
                    result.p99Millis(), result.errors());
            Files.writeString(csv, result.csv() + "\n", StandardOpenOption.APPEND);
        }
    }

    private Result scenario(String name) throws Exception {
        if ("keycloak".equals(options.get("product"))) {
            KeycloakPeer peer = keycloak();
            return measure(name, peer.concurrency(name), peer.virtualUser(name, this::connection));
        }
        return switch (name) {
            case "public" -> measure(name, 8, vu -> {
                KeepAliveConnection c = connection();
                return () -> c.send("GET", "/api/info", null, null).status() == 200;
            });
            case "bearer", "bearer-cache-server" -> measure(name, 8, vu -> {
                String bearer = "Bearer " + login(user(vu)).getString("access_token");
                KeepAliveConnection c = connection();
                return () -> c.send("GET", "/api/users/me", bearer, null).status() == 200;
            });
            // Basic with an app password (issue 19): compared with Bearer, so Bearer's 8 clients.
            case "basic-app-password" -> measure(name, 8, vu -> {
                String basic = basic(user(vu), appPassword(user(vu)));
                KeepAliveConnection c = connection();
                return () -> c.send("GET", "/api/users/me", basic, null).status() == 200;
            });
            // Basic runs 4 clients (two cores of bcrypt are saturated by then); the cached variant is
            // compared with Bearer, so it runs Bearer's 8.
            case "basic", "basic-cached" -> measure(name, name.equals("basic") ? 4 : 8, vu -> {
                String basic = basic(user(vu), PASSWORD);
                KeepAliveConnection c = connection();
                return () -> c.send("GET", "/api/users/me", basic, null).status() == 200;
            });
            case "refresh", "refresh-1e3", "refresh-1e4", "refresh-1e5", "refresh-1e6", "refresh-1e7" -> {
                if (name.contains("-1e")) {
                    prefill((long) Math.pow(10, Integer.parseInt(name.substring(name.indexOf("-1e") + 3))));
                }
                yield measure(name, 8, vu -> {
                    String[] token = {login(user(vu)).getString("refresh_token")};
                    KeepAliveConnection c = connection();
                    return () -> {
                        KeepAliveConnection.Response response = c.send("POST", "/api/token/refresh", null,
                                "{\"refresh_token\":\"" + token[0] + "\"}");
                        if (response.status() != 200) {
                            return false;
                        }
                        token[0] = refreshTokenOf(response.body());
                        return true;
                    };
                });
            }
            case "login" -> measure(name, 4, vu -> {
                String basic = basic(user(vu), PASSWORD);
                KeepAliveConnection c = connection();
                return () -> c.send("POST", "/api/token", basic, null).status() == 200;
            });
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        };
    }

    /** Runs {@code concurrency} virtual users: warm-up, then the measured duration. */
    private Result measure(String name, int concurrency, VirtualUser virtualUser) throws Exception {
        long warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5"))).toNanos();
        long duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "10"))).toNanos();
        List<Step> steps = new ArrayList<>();
        for (int vu = 0; vu < concurrency; vu++) {
            steps.add(virtualUser.create(vu));
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long measureFrom = start + warmup;
        long end = measureFrom + duration;
        List<Future<long[]>> outcomes = new ArrayList<>();
        Histogram all = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
        List<Histogram> histograms = new ArrayList<>();
        for (Step step : steps) {
            Histogram histogram = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
            histograms.add(histogram);
            outcomes.add(pool.submit((Callable<long[]>) () -> {
                long requests = 0;
                long errors = 0;
                while (true) {
                    long before = System.nanoTime();
                    if (before >= end) {
                        return new long[]{requests, errors};
                    }
                    boolean ok;
                    try {
                        ok = step.call();
                    } catch (IOException e) {
                        ok = false;
                    }
                    long after = System.nanoTime();
                    if (before >= measureFrom) {
                        histogram.recordValue(Math.min(after - before, histogram.getHighestTrackableValue()));
                        requests++;
                        if (!ok) {
                            errors++;
                        }
                    }
                }
            }));
        }
        // CPU over the measured window only: wait for its start, read, read again once all stopped.
        CpuMeter cpu = new CpuMeter(Long.parseLong(options.getOrDefault("server-pid", "0")));
        long untilMeasured = measureFrom - System.nanoTime();
        if (untilMeasured > 0) {
            Thread.sleep(untilMeasured / 1_000_000, (int) (untilMeasured % 1_000_000));
        }
        CpuMeter.Sample cpuBefore = cpu.sample();
        long requests = 0;
        long errors = 0;
        for (Future<long[]> outcome : outcomes) {
            long[] counts = outcome.get();
            requests += counts[0];
            errors += counts[1];
        }
        CpuMeter.Sample cpuAfter = cpu.sample();
        pool.shutdown();
        histograms.forEach(all::add);
        double[] perRequest = CpuMeter.perRequest(cpuBefore, cpuAfter, requests);
        System.out.printf(Locale.ROOT, "%-22s CPU ms per request: server %.3f  postgres %.3f  load generator %.3f%n",
                name, perRequest[0], perRequest[1], perRequest[2]);
        if (options.containsKey("cpu-csv")) {
            Path cpuCsv = Path.of(options.get("cpu-csv"));
            if (!Files.exists(cpuCsv)) {
                Files.writeString(cpuCsv, "scenario,server_ms,postgres_ms,client_ms\n");
            }
            Files.writeString(cpuCsv, String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f%n", name, perRequest[0], perRequest[1],
                    perRequest[2]), StandardOpenOption.APPEND);
        }
        double seconds = duration / 1e9;
        return new Result(name, concurrency, requests / seconds, all.getValueAtPercentile(50) / 1e6,
                all.getValueAtPercentile(99) / 1e6, errors, requests);
    }

    // --- set-up: users, logins, pre-filled tables -------------------------------------------

    private KeycloakPeer keycloakPeer;

    private KeycloakPeer keycloak() {
        if (keycloakPeer == null) {
            keycloakPeer = new KeycloakPeer(options.get("base"), options.get("admin-password"), PASSWORD, http);
        }
        return keycloakPeer;
    }

    private final Map<Integer, String> users = new LinkedHashMap<>();

    /** The benchmark user of a virtual user, created once through the admin API. */
    private synchronized String user(int vu) throws Exception {
        String existing = users.get(vu);
        if (existing != null) {
            return existing;
        }
        String name = "bench-" + vu + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post("/api/users", basic("admin", options.get("admin-password")),
                "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"user\"]}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create benchmark user: " + created.statusCode() + " " + created.body());
        }
        users.put(vu, name);
        return name;
    }

    /** A new app password of the user, made with the account password. */
    private String appPassword(String username) throws Exception {
        HttpResponse<String> created = post("/api/users/me/app-passwords", basic(username, PASSWORD),
                "{\"name\":\"benchmark\",\"password\":\"" + PASSWORD + "\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create an app password: " + created.statusCode() + " " + created.body());
        }
        return json(created.body()).getString("password");
    }

    private JsonObject login(String username) throws Exception {
        HttpResponse<String> response = post("/api/token", basic(username, PASSWORD), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    /** Fills refresh_tokens up to {@code rows} live rows of another user (the cost must not grow with the table). */
    private void prefill(long rows) throws SQLException {
        try (Connection c = DriverManager.getConnection(options.get("jdbc"), options.get("db-user"), options.getOrDefault("db-password", ""));
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (username, password_hash, roles, created_at) VALUES ('bench-filler', 'x', 'user', now()) "
                    + "ON CONFLICT (username) DO NOTHING");
            s.execute("INSERT INTO refresh_tokens (user_id, token_hash, expiry, created_at, family_id, family_created_at, "
                    + "family_expiry, generation, user_agent) "
                    + "SELECT (SELECT id FROM users WHERE username = 'bench-filler'), encode(sha256(('filler-' || g)::bytea), 'hex'), "
                    + "now() + interval '1 day', now(), g, now(), now() + interval '30 days', 0, 'filler' "
                    + "FROM generate_series((SELECT COUNT(*) FROM refresh_tokens) + 1, " + rows + ") g "
                    + "ON CONFLICT (token_hash) DO NOTHING");
            s.execute("ANALYZE refresh_tokens");
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM refresh_tokens")) {
                rs.next();
                System.out.println("refresh_tokens now holds " + rs.getLong(1) + " live rows");
            }
        }
    }

    // --- HTTP ---------------------------------------------------------------------------------

    private KeepAliveConnection connection() {
        URI base = URI.create(options.get("base"));
        String contextPath = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        return new KeepAliveConnection(base.getHost(), base.getPort(), contextPath);
    }

    /** The refresh token of a token response, without a JSON parser on the measured path. */
    static String refreshTokenOf(String body) {
        int start = body.indexOf("\"refresh_token\":\"") + 17;
        return body.substring(start, body.indexOf('"', start));
    }

    private HttpResponse<String> post(String path, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.get("base") + path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
