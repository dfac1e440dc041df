package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Horizontal scaling: two Payara Micro instances on different ports, one PostgreSQL database,
 * one FDB_JWT_SECRET. Tokens, rotation and revocation work across them, and the rotation race
 * has exactly one winner when the racers are split across the instances.
 */
class TwoInstancesIT {

    @TempDir
    static Path workDir;

    private static PayaraProcess a;
    private static PayaraProcess b;
    private static Api apiA;
    private static Api apiB;
    private final Db db = new Db(ItEnvironment.CLUSTER_DB);

    @BeforeAll
    static void startBoth() {
        Map<String, String> env = ItEnvironment.serverOn(ItEnvironment.CLUSTER_DB, "it-config.toml");
        a = new PayaraProcess(env, workDir, "instance-a").start();
        b = new PayaraProcess(env, workDir, "instance-b").start();
        apiA = new Api(a.baseUrl());
        apiB = new Api(b.baseUrl());
    }

    @AfterAll
    static void stopBoth() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aPairIssuedByOneInstanceWorksOnTheOther() {
        Api.TestUser user = apiA.createUser("cluster", "cluster-password", "user");
        Api.Tokens fromA = apiA.login(user.username(), user.password());
        assertEquals(user.username(), apiB.get("/api/users/me", Api.bearer(fromA.access())).expect(200).json().getString("username"));

        Reply rotatedAtB = apiB.refresh(fromA.refresh()).expect(200);
        apiA.refresh(fromA.refresh()).expectError(401, "Invalid or expired refresh token");
        String refreshFromB = rotatedAtB.json().getString("refresh_token");
        apiA.get("/api/users/me", Api.bearer(rotatedAtB.json().getString("access_token"))).expect(200);

        apiA.post("/api/logout", user.basic(), Api.refreshBody(refreshFromB)).expect(200);
        apiB.refresh(refreshFromB).expectError(401, "Invalid or expired refresh token");
    }

    @Test
    void twentyConcurrentRefreshesSplitAcrossInstancesHaveOneWinner() throws Exception {
        Api.TestUser user = apiA.createUser("race", "race-password", "user");
        Api.Tokens tokens = apiA.login(user.username(), user.password());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Api target = i % 2 == 0 ? apiA : apiB;
                replies.add(pool.submit(() -> {
                    start.await();
                    return target.refresh(tokens.refresh());
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                statuses.add(reply.get().status());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
            assertEquals(19, statuses.stream().filter(s -> s == 401).count(), "statuses " + statuses);
            assertEquals(1, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ?", user.id()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUserDeletedOnOneInstanceIsRefusedOnTheOtherWithinTheCacheBound() throws Exception {
        Api.TestUser user = apiA.createUser("deleted", "deleted-password", "user");
        Api.Tokens tokens = apiA.login(user.username(), user.password());
        apiB.get("/api/users/me", Api.bearer(tokens.access())).expect(200);
        apiA.delete("/api/users/" + user.id(), user.basic()).expect(204);
        apiA.get("/api/databases", Api.bearer(tokens.access())).expectError(401, "Invalid token");
        // it-config.toml sets user_cache_seconds = 1: B must refuse the token after that bound.
        Thread.sleep(1_500);
        apiB.get("/api/databases", Api.bearer(tokens.access())).expectError(401, "Invalid token");
    }

    /** Issue 19: a revocation works at once where it is made, and on the other instance within user_cache_seconds. */
    @Test
    void anAppPasswordRevokedOnOneInstanceIsRefusedOnTheOtherWithinTheCacheBound() throws Exception {
        Api.TestUser user = apiA.createUser("scripted", "scripted-password", "user");
        var created = apiA.post("/api/users/me/app-passwords", user.basic(),
                "{\"name\":\"cron\",\"password\":\"" + user.password() + "\"}").expect(201).json();
        String basic = Api.basic(user.username(), created.getString("password"));
        apiA.get("/api/users/me", basic).expect(200); // both instances remember it now
        apiB.get("/api/users/me", basic).expect(200);
        apiA.delete("/api/users/me/app-passwords/" + created.getJsonNumber("id").longValue(), user.basic()).expect(204);
        apiA.get("/api/users/me", basic).expectError(401, "Authentication failed"); // at once here
        Thread.sleep(1_500); // it-config.toml: user_cache_seconds = 1
        apiB.get("/api/users/me", basic).expectError(401, "Authentication failed");
    }

    /** The warning of docs/operations.md (scaling out), shown: an instance left to generate its own secret cannot read the others' tokens. */
    @Test
    void anInstanceWithAGeneratedSecretWarnsAndRefusesTheOthersTokens(@TempDir Path ownDir) {
        Api.Tokens fromA = apiA.login("admin", ItEnvironment.adminPassword());
        Map<String, String> env = Map.of(
                "FDB_DB_URL", ItEnvironment.jdbcUrl(ItEnvironment.CLUSTER_DB),
                "FDB_DB_USER", ItEnvironment.dbUser(),
                "FDB_DB_PASSWORD", ItEnvironment.dbPassword());
        try (PayaraProcess c = new PayaraProcess(env, ownDir, "instance-c-own-secret").start()) {
            assertTrue(c.logText().contains("A new JWT secret was generated, but the database already has users"),
                    "warning expected in " + c.log());
            new Api(c.baseUrl()).get("/api/users/me", Api.bearer(fromA.access())).expectError(401, "Invalid token");
            new Api(c.baseUrl()).refresh(fromA.refresh()).expect(200); // refresh tokens are database state, not signed
        }
    }

    @Test
    void failedLoginsAreCountedAcrossInstances() {
        Api.TestUser user = apiA.createUser("shared-throttle", "right-password", "user");
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? apiA : apiB).get("/api/users/me", Api.basic(user.username(), "wrong-" + i)).expect(401);
        }
        apiA.get("/api/users/me", user.basic()).expectError(429, "Too many failed login attempts; try again later");
        apiB.get("/api/users/me", user.basic()).expectError(429, "Too many failed login attempts; try again later");
        db.update("DELETE FROM login_failures");
    }

    @Test
    void onlyOneAdminIsCreatedWhenBothStartOnAnEmptyDatabase() {
        assertEquals(1, db.count("SELECT COUNT(*) FROM users WHERE username = 'admin'"));
        assertTrue(!a.logText().contains("A new JWT secret was generated"), "shared secret: no warning");
    }
}
