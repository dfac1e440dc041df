package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mediahub.metrics.PrometheusText;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Issue 8 on one server (run.sh on PostgreSQL) with self-registration open, three failures
 * allowed per 2 seconds, audit events as JSON lines in a file: the JSON login body, self-registration, the
 * Prometheus metrics counting exactly what the test did, and the audit file.
 */
class OperatorFeaturesIT {

    private static final String BOTH = "Basic realm=\"mediahub\", charset=\"UTF-8\", Bearer realm=\"mediahub\"";

    @TempDir
    static Path dir;
    private static PayaraProcess server;
    private static Api api;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("config.toml"), """
                [auth]
                bcrypt_cost = 5
                max_failures = 3
                # Failures count per username AND per address (all tests are 127.0.0.1): a short
                # window, waited out after each test, keeps one test's failures out of the next.
                failure_window_seconds = 2
                registration = "open"
                registrations_per_hour = 6

                [log]
                format = "json"
                audit_file = "audit.jsonl"
                """);
        server = new PayaraProcess(ItEnvironment.serverOn(ItEnvironment.OPERATOR_DB, dir.resolve("config.toml")), dir,
                "operator-features").start();
        api = new Api(server.baseUrl());
        admin = Api.basic("admin", ItEnvironment.adminPassword());
    }

    @AfterEach
    void waitOutTheFailureWindow() throws InterruptedException {
        Thread.sleep(2_100);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String login(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    @Test
    void jsonLoginHasTheSemanticsOfBasic() {
        Api.TestUser user = api.createUser("json", "json-password-1", "user");
        Reply ok = api.post("/api/token", null, login(user.username(), user.password())).expect(200);
        assertEquals("no-store", ok.header("Cache-Control"), ok.body());
        api.get("/api/users/me", Api.bearer(ok.json().getString("access_token"))).expect(200);
        api.refresh(ok.json().getString("refresh_token")).expect(200);

        Reply wrong = api.post("/api/token", null, login(user.username(), "wrong-password")).expectError(401, "Authentication failed");
        assertEquals(BOTH, wrong.header("WWW-Authenticate"), wrong.body());
        api.post("/api/token", null, login("nobody-at-all", "wrong-password")).expectError(401, "Authentication failed");
        // A body without usable credentials is what a malformed Basic header is: 401, both challenges.
        for (String malformed : List.of("{", "[]", "{\"username\":\"" + user.username() + "\"}",
                "{\"username\":\"" + user.username() + "\",\"password\":12345678}")) {
            Reply reply = api.post("/api/token", null, malformed).expectError(401, "Authentication failed");
            assertEquals(BOTH, reply.header("WWW-Authenticate"), malformed);
        }
        api.post("/api/token", null, "{\"username\":\"x\",\"password\":\"" + "p".repeat(70_000) + "\"}")
                .expectError(413, "Request body too large");
        // A body not declared JSON is refused like at every endpoint (security review item 5).
        api.send("POST", "/api/token", null, login(user.username(), user.password()), "text/plain")
                .expectError(415, "Content-Type must be application/json");
        api.send("POST", "/api/token", null, null, null).expectError(401, "Authentication failed");
        Reply empty = api.post("/api/token", null, "").expectError(401, "Authentication failed"); // no credentials at all
        assertEquals(BOTH, empty.header("WWW-Authenticate"), empty.body());

        Reply cookies = api.post("/api/token?delivery=cookie", null, login(user.username(), user.password())).expect(200);
        // the three cookies, after the deletion of a refresh cookie at its pre-narrowing path
        assertEquals(4, cookies.headers().allValues("Set-Cookie").size(), cookies.headers().toString());
        assertFalse(cookies.body().contains("access_token"), cookies.body());
    }

    @Test
    void jsonAndBasicFailuresShareTheThrottle() {
        Api.TestUser user = api.createUser("throttled", "throttled-password-1", "user");
        for (int i = 0; i < 3; i++) {
            api.post("/api/token", null, login(user.username(), "wrong-" + i)).expectError(401, "Authentication failed");
        }
        Reply json = api.post("/api/token", null, login(user.username(), user.password()))
                .expectError(429, "Too many failed login attempts; try again later");
        assertNotNull(json.header("Retry-After"), json.headers().toString());
        api.post("/api/token", user.basic(), null).expectError(429, "Too many failed login attempts; try again later");
    }

    @Test
    void selfRegistrationCreatesPlainUsersAndIsThrottledPerAddress() {
        assertEquals("open", api.get("/api/info", null).expect(200).json().getString("registration"), "what the web app asks");
        String name = "self-" + System.nanoTime();
        Reply created = api.post("/api/users", null, login(name, "self-password-1")).expect(201);
        assertEquals(List.of("user"), created.json().getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
        api.post("/api/token", null, login(name, "self-password-1")).expect(200);

        api.post("/api/users", null, "{\"username\":\"" + name + "-x\",\"password\":\"self-password-1\",\"roles\":[\"admin\"]}")
                .expectError(400, "Field 'roles' is not allowed when registering yourself");
        api.post("/api/users", null, login(name, "self-password-1")).expectError(409, "Username already exists");
        api.post("/api/users", null, login(name + "-short", "short")).expectError(400, "Field 'password' must be at least 8 characters");
        api.post("/api/users", null, login(name + "-2", "self-password-2")).expect(201);
        api.post("/api/users", null, login(name + "-3", "self-password-3")).expect(201);
        Reply throttled = api.post("/api/users", null, login(name + "-4", "self-password-4"))
                .expectError(429, "Too many registrations from this address; try again later");
        assertTrue(Long.parseLong(throttled.header("Retry-After")) > 3000, throttled.headers().toString());

        // A browser with a cookie session (here: its CSRF cookie) is never turned into an anonymous sign-up.
        api.send("POST", "/api/users", null, login(name + "-cookie", "self-password-7"), "application/json",
                "Cookie", "__Host-csrf_token=abc").expectError(401, "Authorization header required");

        // With credentials the contract's rules hold: a user may not create users, an admin may (any roles).
        api.post("/api/users", Api.basic(name, "self-password-1"), login(name + "-5", "self-password-5"))
                .expectError(403, "This action requires the admin role.");
        api.post("/api/users", admin, "{\"username\":\"" + name + "-admin\",\"password\":\"self-password-6\",\"roles\":[\"admin\"]}")
                .expect(201);
    }

    @Test
    void metricsCountExactlyWhatHappened() {
        Api.TestUser user = api.createUser("counted", "counted-password-1", "user");
        Map<String, Double> before = scrape();
        Api.Tokens first = api.login(user.username(), user.password());                                        // login ok
        api.post("/api/token", Api.basic(user.username(), "wrong-password"), null).expect(401);                  // login failed
        Api.Tokens second = tokens(api.refresh(first.refresh()).expect(200));                                  // refresh ok
        api.refresh("no-such-refresh-token-no-such-refresh-token").expect(401);                                // refresh rejected
        api.post("/api/logout", Api.bearer(second.access()), Api.refreshBody(second.refresh())).expect(200);   // logout
        Api.Tokens third = api.login(user.username(), user.password());                                        // login ok
        api.post("/api/logout-all", Api.bearer(third.access()), null).expect(200);                             // logout all
        Map<String, Double> after = scrape();

        Map<String, Double> expected = Map.of(
                "mediahub_logins_total{result=\"ok\"}", 2.0,
                "mediahub_logins_total{result=\"failed\"}", 1.0,
                "mediahub_refreshes_total{result=\"ok\"}", 1.0,
                "mediahub_refreshes_total{result=\"rejected\"}", 1.0,
                "mediahub_refreshes_total{result=\"reuse_detected\"}", 0.0,
                "mediahub_logouts_total{scope=\"session\"}", 1.0,
                "mediahub_logouts_total{scope=\"all\"}", 1.0,
                "mediahub_token_endpoint_duration_seconds_count{endpoint=\"token\"}", 3.0,
                "mediahub_token_endpoint_duration_seconds_count{endpoint=\"refresh\"}", 2.0,
                "mediahub_token_endpoint_duration_seconds_count{endpoint=\"logout\"}", 1.0);
        expected.forEach((series, delta) -> assertEquals(delta, after.get(series) - before.get(series), series));
        assertEquals(after.get("mediahub_token_endpoint_duration_seconds_count{endpoint=\"token\"}"),
                after.get("mediahub_token_endpoint_duration_seconds_bucket{endpoint=\"token\",le=\"+Inf\"}"));
        assertTrue(after.get("mediahub_refresh_tokens_live") >= 1, after.toString());
        assertTrue(after.get("mediahub_sessions_live") >= 1, after.toString());

        api.get("/api/metrics", user.basic()).expectError(403, "This action requires the admin role.");
        api.get("/api/metrics", null).expectError(401, "Authorization header required");
    }

    @Test
    void auditEventsAreJsonLinesInTheAuditFile() throws Exception {
        Api.TestUser user = api.createUser("audited", "audited-password-1", "user");
        api.login(user.username(), user.password());
        List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"));
        List<JsonObject> events = lines.stream().map(l -> Json.createReader(new StringReader(l)).readObject()).toList();
        assertTrue(events.stream().anyMatch(e -> e.getString("event").equals("login.ok")
                && e.getJsonNumber("user").longValue() == user.id() && e.getString("address").equals("127.0.0.1")
                && !e.isNull("session") && e.getString("time").endsWith("Z")), lines.toString());
        String all = String.join("\n", lines);
        assertFalse(all.contains("audited-password-1") || all.contains(user.username()), "ids only, no secrets");
    }

    /** Payara offers MicroProfile Health: our checks join its /health endpoints (at the server root). */
    @Test
    void microProfileHealthHasOurReadinessAndLivenessChecks() {
        Reply ready = api.get("/health/ready", null).expect(200);
        assertTrue(ready.body().contains("\"mediahub-database\"") && ready.body().contains("\"UP\""), ready.body());
        Reply live = api.get("/health/live", null).expect(200);
        assertTrue(live.body().contains("\"mediahub\""), live.body());
    }

    private static Api.Tokens tokens(Reply reply) {
        return new Api.Tokens(reply.json().getString("access_token"), reply.json().getString("refresh_token"));
    }


    /** series (with labels) -> value, from the Prometheus text format. */
    private static Map<String, Double> scrape() {
        Reply reply = api.get("/api/metrics", admin).expect(200);
        String type = reply.header("Content-Type").replace(" ", "");
        assertTrue(type.startsWith("text/plain;") && type.contains("version=0.0.4"), type);
        assertTrue(reply.body().contains("# TYPE mediahub_token_endpoint_duration_seconds histogram"), reply.body());
        return PrometheusText.parse(reply.body()); // strict: a malformed line fails the test
    }
}
