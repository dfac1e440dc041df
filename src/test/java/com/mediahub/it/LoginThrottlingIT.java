package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * Brute-force throttling (per username and per client address, shared through the database),
 * the transparent bcrypt cost upgrade, and the scheduled clean-up.
 */
class LoginThrottlingIT extends DeployedWar {

    private static final String TOO_MANY = "Too many failed login attempts; try again later";

    @Test
    void tenFailuresForAUsernameBlockItWithoutCheckingThePassword() {
        Api.TestUser user = api.createUser("throttled", "right-password", "user");
        for (int i = 0; i < 10; i++) {
            api.get("/api/users/me", Api.basic(user.username(), "wrong-" + i)).expectError(401, "Authentication failed");
        }
        Reply blocked = api.get("/api/users/me", user.basic()).expectError(429, TOO_MANY);
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60 + 1, "Retry-After " + retryAfter + " within the 15-minute window");
        api.post("/api/token", user.basic(), null).expectError(429, TOO_MANY);
        assertEquals(10, db.single("SELECT failures FROM login_failures WHERE throttle_key = ?", "user:" + user.username()),
                "blocked attempts are not counted, nor checked");
    }

    @Test
    void aSuccessGivesBackItsOwnAttemptAndCountsNothingElse() {
        Api.TestUser user = api.createUser("resets", "right-password", "user");
        for (int i = 0; i < 9; i++) {
            api.get("/api/users/me", Api.basic(user.username(), "wrong-" + i)).expect(401);
        }
        api.get("/api/users/me", user.basic()).expect(200);
        // The failures stay counted (a success does not wipe an attacker's count: review item 3),
        // and the successful attempt itself is not one of them.
        assertEquals(9, db.single("SELECT failures FROM login_failures WHERE throttle_key = ?", "user:" + user.username()));
        assertEquals(9, db.single("SELECT failures FROM login_failures WHERE throttle_key = ?", "address:127.0.0.1"));
    }

    @Test
    void tenFailuresFromOneAddressBlockEveryUsernameFromIt() {
        Api.TestUser user = api.createUser("victim", "right-password", "user");
        for (int i = 0; i < 10; i++) {
            api.get("/api/users/me", Api.basic("nobody-" + i, "guess")).expectError(401, "Authentication failed");
        }
        api.get("/api/users/me", user.basic()).expectError(429, TOO_MANY);
        api.post("/api/token", admin(), null).expectError(429, TOO_MANY);
        // Bearer requests carry no password: they are not throttled.
        db.update("DELETE FROM login_failures");
        Api.Tokens tokens = api.login(user.username(), user.password());
        for (int i = 0; i < 10; i++) {
            api.get("/api/users/me", Api.basic("nobody-" + i, "guess")).expect(401);
        }
        api.get("/api/users/me", Api.bearer(tokens.access())).expect(200);
    }

    @Test
    void aHashWithALowerCostIsUpgradedAtTheNextLogin() {
        Api.TestUser user = api.createUser("upgrade", "upgrade-password", "user");
        String cost4 = new String(BCrypt.withDefaults().hash(4, "upgrade-password".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        db.update("UPDATE users SET password_hash = ? WHERE id = ?", cost4, user.id());
        api.get("/api/users/me", user.basic()).expect(200);
        String upgraded = (String) db.single("SELECT password_hash FROM users WHERE id = ?", user.id());
        assertTrue(upgraded.startsWith("$2b$05$"), "re-hashed at the configured cost 5: " + upgraded.substring(0, 7));
        api.get("/api/users/me", user.basic()).expect(200);
        api.get("/api/users/me", Api.basic(user.username(), "wrong-password")).expect(401);
    }

    @Test
    void theCleanUpDeletesWhatExpiredAndNothingElse() throws Exception {
        Api.TestUser user = api.createUser("cleanup", "cleanup-password", "user");
        Api.Tokens live = api.login(user.username(), user.password());
        Api.Tokens expiring = api.login(user.username(), user.password());
        api.refresh(api.login(user.username(), user.password()).refresh()).expect(200); // leaves one consumed record
        db.update("UPDATE refresh_tokens SET expiry = now() - interval '1 second' WHERE token_hash = ?",
                TokenLifecycleIT.sha256(expiring.refresh()));
        db.update("INSERT INTO consumed_refresh_tokens (token_hash, user_id, family_id, generation, consumed_at, expiry) "
                + "VALUES (?, ?, 1, 0, now() - interval '2 days', now() - interval '1 day')", "e".repeat(64), user.id());
        db.update("INSERT INTO login_failures (throttle_key, failures, window_start) VALUES "
                + "('user:stale', 3, now() - interval '1 hour'), ('user:fresh', 3, now())");

        Thread.sleep(3_000); // it-config.toml: [cleanup] interval_seconds = 1

        assertEquals(0, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE expiry <= now()"), "expired refresh tokens deleted");
        assertEquals(1, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?", TokenLifecycleIT.sha256(live.refresh())));
        assertEquals(2, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ?", user.id()), "live tokens kept");
        assertEquals(0, db.count("SELECT COUNT(*) FROM consumed_refresh_tokens WHERE token_hash = ?", "e".repeat(64)));
        assertEquals(1, db.count("SELECT COUNT(*) FROM consumed_refresh_tokens WHERE user_id = ?", user.id()), "unexpired record kept");
        assertEquals(List.of("user:fresh"), db.column("SELECT throttle_key FROM login_failures WHERE throttle_key LIKE 'user:%'"));
    }
}
