package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Token families (contract 3.2, 3.4, 3.5, 3.7): reuse detection with its grace window, the
 * absolute session lifetime, the sessions list, revoking one session, logout-all, and the
 * password change that revokes everything.
 */
class SessionsIT extends DeployedWar {

    private static final String INVALID_REFRESH = "Invalid or expired refresh token";

    private Api.TestUser user;

    @BeforeEach
    void user() {
        user = api.createUser("sessions", "sessions-password", "user");
    }

    private Api.Tokens rotate(String refreshToken) {
        JsonObject json = api.refresh(refreshToken).expect(200).json();
        return new Api.Tokens(json.getString("access_token"), json.getString("refresh_token"));
    }

    private long liveTokens() {
        return db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ?", user.id());
    }

    @Test
    void theImmediatelyPreviousTokenWithinTheGraceWindowIsRefusedButTheSessionLives() {
        Api.Tokens first = api.login(user.username(), user.password());
        Api.Tokens second = rotate(first.refresh());
        api.refresh(first.refresh()).expectError(401, INVALID_REFRESH);
        assertEquals(1, liveTokens(), "the session is still alive");
        rotate(second.refresh());
    }

    @Test
    void aReplayAfterTheGraceWindowRevokesTheWholeSession() throws Exception {
        Api.Tokens first = api.login(user.username(), user.password());
        Api.Tokens other = api.login(user.username(), user.password());
        Api.Tokens second = rotate(first.refresh());
        Thread.sleep(2_500); // it-config.toml: reuse_grace_seconds = 2
        api.refresh(first.refresh()).expectError(401, INVALID_REFRESH);
        api.refresh(second.refresh()).expectError(401, INVALID_REFRESH);
        assertEquals(1, liveTokens(), "only the other session is left");
        rotate(other.refresh());
    }

    @Test
    void replayingAnOlderTokenRevokesTheSessionEvenWithinTheGraceWindow() {
        Api.Tokens first = api.login(user.username(), user.password());
        Api.Tokens second = rotate(first.refresh());
        Api.Tokens third = rotate(second.refresh());
        api.refresh(first.refresh()).expectError(401, INVALID_REFRESH);
        api.refresh(third.refresh()).expectError(401, INVALID_REFRESH);
        assertEquals(0, liveTokens());
    }

    @Test
    void rotationNeverExtendsASessionPastItsAbsoluteExpiry() {
        Api.Tokens first = api.login(user.username(), user.password());
        db.update("UPDATE refresh_tokens SET family_expiry = now() + interval '30 seconds' WHERE user_id = ?", user.id());
        JsonObject rotated = api.refresh(first.refresh()).expect(200).json();
        assertTrue(rotated.getInt("refresh_expires_in") <= 30, rotated.toString());
        assertEquals(1, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ? AND expiry = family_expiry", user.id()));

        db.update("UPDATE refresh_tokens SET family_expiry = now() - interval '1 second', expiry = now() - interval '1 second' "
                + "WHERE user_id = ?", user.id());
        api.refresh(rotated.getString("refresh_token")).expectError(401, INVALID_REFRESH);
    }

    @Test
    void sessionsAreListedNewestFirstWithTheCurrentOneMarked() throws Exception {
        Api.Tokens laptop = login("Laptop browser");
        Thread.sleep(10);
        Api.Tokens phone = login("Phone app");
        JsonArray sessions = api.get("/api/sessions", Api.bearer(phone.access())).expect(200).jsonArray();
        assertEquals(2, sessions.size(), sessions.toString());
        JsonObject newest = sessions.getJsonObject(0);
        assertEquals(List.of("id", "created_at", "expires_at", "last_used_at", "user_agent", "current"), List.copyOf(newest.keySet()));
        assertEquals("Phone app", newest.getString("user_agent"));
        assertTrue(newest.getBoolean("current"));
        assertFalse(sessions.getJsonObject(1).getBoolean("current"));
        assertEquals("Laptop browser", sessions.getJsonObject(1).getString("user_agent"));
        assertTrue(Instant.parse(newest.getString("expires_at")).isAfter(Instant.parse(newest.getString("created_at"))));
        assertFalse(sessions.toString().contains(phone.refresh()), "never a token in the list");

        long laptopId = sessions.getJsonObject(1).getJsonNumber("id").longValue();
        Api.Tokens rotated = rotate(laptop.refresh());
        JsonArray again = api.get("/api/sessions", Api.bearer(rotated.access())).expect(200).jsonArray();
        JsonObject laptopAgain = again.getJsonObject(1);
        assertEquals(laptopId, laptopAgain.getJsonNumber("id").longValue(), "the id is stable across rotations");
        assertTrue(laptopAgain.getBoolean("current"), again.toString());
        assertTrue(Instant.parse(laptopAgain.getString("last_used_at")).isAfter(Instant.parse(laptopAgain.getString("created_at"))));

        JsonArray viaBasic = api.get("/api/sessions", user.basic()).expect(200).jsonArray();
        assertTrue(viaBasic.stream().noneMatch(s -> s.asJsonObject().getBoolean("current")), "Basic has no current session");
    }

    private Api.Tokens login(String userAgent) {
        Reply reply = api.send("POST", "/api/token", user.basic(), null, null, "User-Agent", userAgent).expect(200);
        return new Api.Tokens(reply.json().getString("access_token"), reply.json().getString("refresh_token"));
    }

    @Test
    void revokingOneSession() throws Exception {
        Api.Tokens kept = api.login(user.username(), user.password());
        Api.Tokens revoked = api.login(user.username(), user.password());
        long revokedId = db.count("SELECT family_id FROM refresh_tokens WHERE token_hash = ?", TokenLifecycleIT.sha256(revoked.refresh()));
        Api.TestUser stranger = api.createUser("stranger", "stranger-password", "user");

        api.delete("/api/sessions/" + revokedId, stranger.basic()).expectError(404, "Session not found");
        api.delete("/api/sessions/" + revokedId, admin()).expectError(404, "Session not found");
        api.delete("/api/sessions/999999999", user.basic()).expectError(404, "Session not found");
        assertEquals(2, liveTokens(), "nothing deleted by the failed attempts");

        api.delete("/api/sessions/" + revokedId, Api.bearer(kept.access())).expect(204);
        api.refresh(revoked.refresh()).expectError(401, INVALID_REFRESH);
        rotate(kept.refresh());
    }

    @Test
    void logoutAllRevokesEveryRefreshTokenAndTheAccessTokensIssuedBefore() {
        Api.Tokens a = api.login(user.username(), user.password());
        Api.Tokens b = api.login(user.username(), user.password());
        JsonObject reply = api.post("/api/logout-all", Api.bearer(a.access()), null).expect(200).json();
        assertEquals(2, reply.getInt("revoked"), reply.toString());
        assertFalse(reply.getString("message").isBlank());
        assertEquals(0, liveTokens());
        api.refresh(a.refresh()).expectError(401, INVALID_REFRESH);
        api.refresh(b.refresh()).expectError(401, INVALID_REFRESH);
        api.get("/api/users/me", Api.bearer(b.access())).expectError(401, "Invalid token");
        Api.Tokens fresh = api.login(user.username(), user.password());
        api.get("/api/users/me", Api.bearer(fresh.access())).expect(200);
    }

    @Test
    void changingThePasswordRevokesEverything() {
        Api.Tokens before = api.login(user.username(), user.password());
        String path = "/api/users/" + user.id() + "/password";
        api.send("PUT", path, user.basic(), "{\"current_password\":\"wrong-password\",\"new_password\":\"new-password-1\"}",
                "application/json").expectError(403, "The current password is not correct.");
        api.send("PUT", path, user.basic(), "{\"current_password\":\"sessions-password\",\"new_password\":\"short\"}",
                "application/json").expectError(400, "Field 'new_password' must be at least 8 characters");
        api.send("PUT", path, user.basic(), "{\"current_password\":\"sessions-password\"}", "application/json")
                .expectError(400, "Field 'new_password' is required");
        Api.TestUser stranger = api.createUser("stranger", "stranger-password", "user");
        api.send("PUT", path, stranger.basic(), "{\"new_password\":\"taken-over-1\"}", "application/json")
                .expectError(403, "Only the user themself or an admin may do this.");
        api.get("/api/users/me", Api.bearer(before.access())).expect(200);

        JsonObject changed = api.send("PUT", path, user.basic(),
                "{\"current_password\":\"sessions-password\",\"new_password\":\"new-password-1\"}", "application/json")
                .expect(200).json();
        assertEquals(1, changed.getInt("revoked"), changed.toString());
        api.get("/api/users/me", user.basic()).expectError(401, "Authentication failed");
        api.get("/api/users/me", Api.bearer(before.access())).expectError(401, "Invalid token");
        api.refresh(before.refresh()).expectError(401, INVALID_REFRESH);
        api.get("/api/users/me", Api.basic(user.username(), "new-password-1")).expect(200);

        api.send("PUT", path, admin(), "{\"new_password\":\"set-by-admin-1\"}", "application/json").expect(200);
        api.get("/api/users/me", Api.basic(user.username(), "set-by-admin-1")).expect(200);
    }

    @Test
    void anAdminSeesAUsersSessionsAndSignsThemOutEverywhere() {
        Api.Tokens a = api.login(user.username(), user.password());
        api.login(user.username(), user.password());
        String path = "/api/users/" + user.id() + "/sessions";
        Api.Tokens adminTokens = api.login("admin", ItEnvironment.adminPassword());
        JsonArray listed = api.get(path, Api.bearer(adminTokens.access())).expect(200).jsonArray();
        assertEquals(2, listed.size(), listed.toString());
        assertTrue(listed.stream().noneMatch(s -> s.asJsonObject().getBoolean("current")), "the admin's session is not this user's: " + listed);
        long adminId = api.get("/api/users/me", admin()).expect(200).json().getJsonNumber("id").longValue();
        JsonArray own = api.get("/api/users/" + adminId + "/sessions", Api.bearer(adminTokens.access())).expect(200).jsonArray();
        assertTrue(own.stream().anyMatch(s -> s.asJsonObject().getBoolean("current")), "the admin's own session is marked: " + own);
        JsonObject userRow = api.get("/api/users", admin()).expect(200).jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(u -> u.getJsonNumber("id").longValue() == user.id()).findFirst().orElseThrow();
        assertEquals(2, userRow.getInt("session_count"), userRow.toString());

        // Only an admin: the user themself has /api/sessions, and learns nothing about others here.
        api.get(path, user.basic()).expectError(403, "This action requires the admin role.");
        api.delete(path, Api.bearer(a.access())).expectError(403, "This action requires the admin role.");
        assertEquals(2, liveTokens(), "a refused call deletes nothing");
        api.get("/api/users/999999999/sessions", admin()).expectError(404, "User not found");
        api.delete("/api/users/999999999/sessions", admin()).expectError(404, "User not found");
        api.get("/api/users/abc/sessions", admin()).expectError(400, "Path parameter 'id' must be a positive integer");

        JsonObject reply = api.delete(path, admin()).expect(200).json();
        assertEquals(2, reply.getInt("revoked"), reply.toString());
        assertEquals(0, liveTokens());
        api.refresh(a.refresh()).expectError(401, INVALID_REFRESH);
        api.get("/api/users/me", Api.bearer(a.access())).expectError(401, "Invalid token");
        assertEquals(0, api.get(path, admin()).expect(200).jsonArray().size());
        api.get("/api/users/me", user.basic()).expect(200); // signed out, not locked out
    }
}
