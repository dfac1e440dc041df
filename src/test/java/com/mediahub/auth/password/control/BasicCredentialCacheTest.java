package com.mediahub.auth.password.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.Settings;
import com.mediahub.security.CallerIdentity;
import com.mediahub.testing.SteppedClock;

/** The Basic credential cache with {@code basic_cache_seconds = 60}: lifetimes on the test's clock. */
class BasicCredentialCacheTest {

    private final SteppedClock clock = new SteppedClock();
    private final BasicCredentialCache cache = newCache();
    private final CallerIdentity alice = CallerIdentity.byPassword(7, "alice", Set.of("user"));

    private BasicCredentialCache newCache() {
        return new BasicCredentialCache(
                Settings.from(ConfigFile.parse(Path.of("config.toml"), "[auth]\nbasic_cache_seconds = 60\n")), clock);
    }

    @Test
    void aRememberedPasswordIsFoundUntilItsLifetimeEnds() {
        assertTrue(cache.enabled());
        String key = cache.keyOf("alice", "correct horse");
        cache.remember(key, alice, 3);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(3, cache.find(key).orElseThrow().tokenVersion());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(cache.find(key).isEmpty(), "gone at 60 s");
    }

    @Test
    void aClockSetBackEndsTheEntryRatherThanStretchingIt() {
        String key = cache.keyOf("alice", "correct horse");
        cache.remember(key, alice, 3);
        clock.advance(Duration.ofMinutes(-10));
        assertTrue(cache.find(key).isEmpty(), "bcrypt again, not 10 more minutes of a password that may have changed");
    }

    @Test
    void onlyTheSamePasswordHitsAndTheKeyIsNotThePassword() {
        String key = cache.keyOf("alice", "correct horse");
        cache.remember(key, alice, 0);
        assertTrue(cache.find(cache.keyOf("alice", "correct horsE")).isEmpty());
        assertTrue(cache.find(cache.keyOf("alicecorrect", " horse")).isEmpty(), "username and password are kept apart");
        assertFalse(key.contains("horse"));
        assertNotEquals(key, newCache().keyOf("alice", "correct horse"),
                "a per-instance key: a leaked cache key says nothing elsewhere");
    }

    @Test
    void theThrottleIsAskedAgainAfterTheUserCacheLifetime() {
        String key = cache.keyOf("alice", "correct horse");
        cache.remember(key, alice, 0);
        BasicCredentialCache.Entry entry = cache.find(key).orElseThrow();
        assertFalse(cache.throttleCheckDue(entry));
        clock.advance(Duration.ofSeconds(5)); // user_cache_seconds default
        assertTrue(cache.throttleCheckDue(entry));
        cache.throttleChecked(key, entry);
        assertFalse(cache.throttleCheckDue(cache.find(key).orElseThrow()));
    }

    @Test
    void forgettingAUserDropsAllTheirEntries() {
        String one = cache.keyOf("alice", "correct horse");
        String two = cache.keyOf("alice", "other password");
        cache.remember(one, alice, 0);
        cache.remember(two, alice, 0);
        cache.forgetUser("alice");
        assertTrue(cache.find(one).isEmpty());
        assertTrue(cache.find(two).isEmpty());
    }
}
