package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * The opt-in Basic fast path ({@code [auth] basic_cache_seconds}): remembered successes are
 * used, and a password change, a deletion or a throttling block ends them at once.
 */
class BasicCacheIT {

    @TempDir
    static Path workDir;
    private static PayaraProcess server;
    private static Api api;
    private final Db db = new Db(ItEnvironment.BASIC_CACHE_DB);

    @BeforeAll
    static void start() {
        server = new PayaraProcess(ItEnvironment.serverOn(ItEnvironment.BASIC_CACHE_DB, "it-config-basic-cache.toml"),
                workDir, "basic-cache").start();
        api = new Api(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void noFailures() {
        db.update("DELETE FROM login_failures");
    }

    @Test
    void aRememberedSuccessIsUsedUntilThePasswordChanges() {
        Api.TestUser user = api.createUser("cached", "cached-password", "user");
        api.get("/api/users/me", user.basic()).expect(200);
        // Change the hash behind the application's back: the remembered success still answers,
        // which shows that no bcrypt ran for this request.
        String other = new String(BCrypt.withDefaults().hash(5, "another-password".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        db.update("UPDATE users SET password_hash = ? WHERE id = ?", other, user.id());
        api.get("/api/users/me", user.basic()).expect(200);
        api.get("/api/users/me", Api.basic(user.username(), "another-password")).expect(200);

        api.send("PUT", "/api/users/" + user.id() + "/password", Api.basic(user.username(), "another-password"),
                "{\"current_password\":\"another-password\",\"new_password\":\"newest-password\"}", "application/json").expect(200);
        api.get("/api/users/me", user.basic()).expectError(401, "Authentication failed");
        api.get("/api/users/me", Api.basic(user.username(), "another-password")).expectError(401, "Authentication failed");
        api.get("/api/users/me", Api.basic(user.username(), "newest-password")).expect(200);
    }

    @Test
    void failuresAreNeverRememberedAndAThrottlingBlockEndsRememberedSuccesses() {
        Api.TestUser user = api.createUser("blocked", "right-password", "user");
        api.get("/api/users/me", user.basic()).expect(200);
        for (int i = 0; i < 10; i++) {
            api.get("/api/users/me", Api.basic(user.username(), "wrong-" + (i % 2))).expectError(401, "Authentication failed");
        }
        api.get("/api/users/me", user.basic()).expectError(429, "Too many failed login attempts; try again later");
    }

    @Test
    void aDeletedUsersRememberedSuccessEndsAtOnce() {
        Api.TestUser user = api.createUser("deleted", "deleted-password", "user");
        api.get("/api/users/me", user.basic()).expect(200);
        api.delete("/api/users/" + user.id(), user.basic()).expect(204);
        api.get("/api/users/me", user.basic()).expectError(401, "Authentication failed");
    }

    /**
     * A remembered success never mints a session for a user whose second factor is on, even
     * before this instance has learnt of the change (here: the enrolment written behind its back,
     * as another instance would, with the token version it caches not yet counted up).
     */
    @Test
    void aRememberedSuccessNeverSignsInAUserWithASecondFactor() {
        Api.TestUser user = api.createUser("cached-totp", "cached-totp-password", "user");
        api.get("/api/users/me", user.basic()).expect(200);
        api.post("/api/token", user.basic(), null).expect(200);
        db.update("INSERT INTO totp_enrolments (user_id, secret, created_at, confirmed_at) VALUES (?, 'v1.00000000.AAAA', now(), now())",
                user.id());
        api.post("/api/token", user.basic(), null).expectError(401, "Second factor required");
        assertEquals(1, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ?", user.id()), "no second session");
    }
}
