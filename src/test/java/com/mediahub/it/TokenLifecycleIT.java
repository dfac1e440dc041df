package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.json.JsonObject;

/** Contract 3.1 to 3.3 and section 6: issue, hash-only storage, rotation, the race, logout. */
class TokenLifecycleIT extends DeployedWar {

    private Api.TestUser user;

    @BeforeEach
    void user() {
        user = api.createUser("tokens", "tokens-password", "user");
    }

    private long liveTokens() {
        return db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ?", user.id());
    }

    static String sha256Unchecked(String value) {
        try {
            return sha256(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tokenResponseHasTheContractShape() {
        Reply reply = api.post("/api/token", user.basic(), null).expect(200);
        JsonObject json = reply.json();
        assertEquals("no-store", reply.header("Cache-Control"), reply.body());
        assertEquals("Bearer", json.getString("token_type"), reply.body());
        assertEquals(300, json.getInt("expires_in"), reply.body());
        assertEquals(86400, json.getInt("refresh_expires_in"), reply.body());
        assertEquals(3, json.getString("access_token").split("\\.").length, reply.body());
        assertTrue(json.getString("refresh_token").length() >= 43, reply.body());
        assertEquals(5, json.size(), reply.body());
    }

    @Test
    void onlyTheSha256OfTheRefreshTokenIsStored() throws Exception {
        Api.Tokens tokens = api.login(user.username(), user.password());
        assertEquals(List.of(sha256(tokens.refresh())),
                db.column("SELECT token_hash FROM refresh_tokens WHERE user_id = ?", user.id()));
        assertEquals(0, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash LIKE ?", "%" + tokens.refresh() + "%"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ? AND expiry > now() + interval '23 hours'", user.id()));
    }

    @Test
    void rotationReplacesTheOldTokenWithANewOne() throws Exception {
        Api.Tokens first = api.login(user.username(), user.password());
        Reply reply = api.refresh(first.refresh()).expect(200);
        assertEquals("no-store", reply.header("Cache-Control"));
        String newRefresh = reply.json().getString("refresh_token");
        String newAccess = reply.json().getString("access_token");
        assertNotEquals(first.refresh(), newRefresh);

        assertEquals(List.of(sha256(newRefresh)), db.column("SELECT token_hash FROM refresh_tokens WHERE user_id = ?", user.id()));
        api.refresh(first.refresh()).expectError(401, "Invalid or expired refresh token");
        api.get("/api/users/me", Api.bearer(newAccess)).expect(200);
        api.refresh(newRefresh).expect(200);
    }

    @Test
    void unknownExpiredAndMalformedRefreshTokens() {
        api.refresh("never-issued-token").expectError(401, "Invalid or expired refresh token");
        api.refresh("x".repeat(10_000)).expectError(401, "Invalid or expired refresh token");
        Api.Tokens tokens = api.login(user.username(), user.password());
        db.update("UPDATE refresh_tokens SET expiry = now() - interval '1 second' WHERE user_id = ?", user.id());
        api.refresh(tokens.refresh()).expectError(401, "Invalid or expired refresh token");
        api.refresh(tokens.access()).expectError(401, "Invalid or expired refresh token");

        for (String body : new String[]{"", "{", "[]", "{}", "{\"refresh_token\":null}", "{\"refresh_token\":42}", "{\"refresh_token\":\"\"}", "\"text\""}) {
            api.post("/api/token/refresh", null, body).expectError(400, "Invalid request body");
        }
        api.send("POST", "/api/token/refresh", null, "refresh_token=abc", "application/x-www-form-urlencoded").expect(415);
    }

    @Test
    void tenConcurrentRefreshesOfOneTokenMintExactlyOneSuccessor() throws Exception {
        Api.Tokens tokens = api.login(user.username(), user.password());
        int racers = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.refresh(tokens.refresh());
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            String winner = null;
            for (Future<Reply> f : replies) {
                Reply reply = f.get();
                statuses.add(reply.status());
                if (reply.status() == 200) {
                    winner = reply.json().getString("refresh_token");
                } else {
                    reply.expectError(401, "Invalid or expired refresh token");
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
            assertEquals(1, liveTokens(), "exactly one live token after the race");
            assertEquals(List.of(sha256(winner)), db.column("SELECT token_hash FROM refresh_tokens WHERE user_id = ?", user.id()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logoutKillsTheRefreshTokenAndIsIdempotent() {
        Api.Tokens tokens = api.login(user.username(), user.password());
        Api.Tokens other = api.login(user.username(), user.password());
        assertEquals(2, liveTokens());

        Reply reply = api.post("/api/logout", Api.bearer(tokens.access()), Api.refreshBody(tokens.refresh())).expect(200);
        assertEquals("Logged out successfully.", reply.json().getString("message"), reply.body());
        assertEquals(1, liveTokens());
        api.refresh(tokens.refresh()).expectError(401, "Invalid or expired refresh token");
        api.post("/api/logout", user.basic(), Api.refreshBody(tokens.refresh())).expect(200);
        api.post("/api/logout", user.basic(), Api.refreshBody("never-issued")).expect(200);
        api.refresh(other.refresh()).expect(200);
    }

    @Test
    void nobodyCanLogOutSomeoneElsesToken() {
        Api.Tokens victim = api.login(user.username(), user.password());
        Api.TestUser attacker = api.createUser("attacker", "attacker-password", "user");
        api.post("/api/logout", attacker.basic(), Api.refreshBody(victim.refresh()))
                .expectError(403, "This refresh token belongs to another user.");
        api.post("/api/logout", admin(), Api.refreshBody(victim.refresh()))
                .expectError(403, "This refresh token belongs to another user.");
        assertEquals(1, liveTokens(), "nothing deleted");
        api.refresh(victim.refresh()).expect(200);
    }

    @Test
    void logoutNeedsCredentialsAndAWellFormedBody() {
        Api.Tokens tokens = api.login(user.username(), user.password());
        api.post("/api/logout", null, Api.refreshBody(tokens.refresh())).expectError(401, "Authorization header required");
        for (String body : new String[]{"", "{", "{}", "{\"refresh_token\":[]}"}) {
            api.post("/api/logout", user.basic(), body).expectError(400, "Invalid request body");
        }
        assertEquals(1, liveTokens());
    }

    @Test
    void theRefreshedAccessTokenCarriesTheSameIdentity() {
        Api.Tokens tokens = api.login(user.username(), user.password());
        String access = api.refresh(tokens.refresh()).expect(200).json().getString("access_token");
        JsonObject me = api.get("/api/users/me", Api.bearer(access)).expect(200).json();
        assertEquals(user.id(), me.getJsonNumber("id").longValue());
        assertEquals(user.username(), me.getString("username"));
        assertFalse(me.containsKey("password_hash"));
    }
}
