package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database faults: with PostgreSQL stopped, the server answers promptly (health 503 DOWN, the
 * endpoints that need the database 503 JSON, never 500 or a hang), and when PostgreSQL is back
 * everything works again without a restart, with revoked refresh tokens still dead.
 */
class DatabaseOutageIT {

    private static final String UNAVAILABLE = "Service temporarily unavailable";

    @TempDir
    Path workDir;

    @Test
    void outageAndRecovery() {
        try (ThrowawayPostgres postgres = new ThrowawayPostgres().start();
             PayaraProcess server = new PayaraProcess(Map.of(
                     "FDB_DB_URL", postgres.jdbcUrl("postgres"),
                     "FDB_DB_USER", "postgres",
                     "FDB_JWT_SECRET", ItEnvironment.jwtSecret(),
                     "FDB_ADMIN_PASSWORD", ItEnvironment.adminPassword(),
                     "FDB_CONFIG", ItEnvironment.basedir().resolve("src/test/resources/it-config.toml").toString()),
                     workDir, "database-outage")) {
            server.start();
            Api api = new Api(server.baseUrl());
            String admin = Api.basic("admin", ItEnvironment.adminPassword());
            Api.Tokens kept = api.login("admin", ItEnvironment.adminPassword());
            Api.Tokens revoked = api.login("admin", ItEnvironment.adminPassword());
            api.post("/api/logout", admin, Api.refreshBody(revoked.refresh())).expect(200);

            postgres.stop();

            long started = System.nanoTime();
            Reply health = api.get("/api/health", null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            health.expect(503);
            assertEquals("DOWN", health.json().getString("database"), health.body());
            assertEquals("DOWN", health.json().getString("status"), health.body());
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "health took " + took);

            timed(() -> api.post("/api/token", admin, null)).expectError(503, UNAVAILABLE);
            timed(() -> api.get("/api/users/me", admin)).expectError(503, UNAVAILABLE);
            timed(() -> api.refresh(kept.refresh())).expectError(503, UNAVAILABLE);
            timed(() -> api.get("/api/databases", Api.bearer(kept.access()))).expectError(503, UNAVAILABLE);
            timed(() -> api.post("/api/logout", Api.bearer(kept.access()), Api.refreshBody(kept.refresh()))).expectError(503, UNAVAILABLE);

            postgres.start();

            waitForHealth(api);
            api.refresh(revoked.refresh()).expectError(401, "Invalid or expired refresh token");
            api.refresh(kept.refresh()).expect(200);
            api.get("/api/users/me", admin).expect(200);
        }
    }

    /** Every answer during the outage comes well within the pool's 5 s wait plus the connect timeout. */
    private static Reply timed(java.util.function.Supplier<Reply> call) {
        long started = System.nanoTime();
        Reply reply = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(12)) < 0, reply.request() + " took " + took + ": " + reply.body());
        return reply;
    }

    private static void waitForHealth(Api api) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (api.get("/api/health", null).status() == 200) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        api.get("/api/health", null).expect(200);
    }
}
