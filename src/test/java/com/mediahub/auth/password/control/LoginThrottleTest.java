package com.mediahub.auth.password.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mediahub.config.Settings;
import com.mediahub.testing.SteppedClock;

/**
 * The login throttle over time (defaults: 10 failures per 15-minute window), on the test's clock:
 * what the window forgives, what a success gives back, what Retry-After says.
 */
class LoginThrottleTest {

    private final SteppedClock clock = new SteppedClock();
    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    private final LoginThrottle throttle = new LoginThrottle();
    private final int max = Settings.defaults().maxFailures();

    @BeforeEach
    void wire() {
        throttle.failures = failures;
        throttle.settings = Settings.defaults();
        throttle.clock = clock;
    }

    private boolean guess(String username, String address, boolean right) {
        LoginThrottle.Attempt attempt = throttle.reserve(username, address);
        if (attempt.blocked()) {
            return false;
        }
        throttle.check(attempt, () -> right, Boolean::booleanValue);
        return true;
    }

    @Test
    void aNetworkIsStoppedAtTheLimitAndToldWhenTheWindowEnds() {
        for (int i = 0; i < max; i++) {
            clock.advance(Duration.ofSeconds(30));
            assertTrue(guess("alice", "203.0.113.5", false), "guess " + (i + 1) + " is checked");
        }
        LoginThrottle.Attempt refused = throttle.reserve("alice", "203.0.113.5");
        assertTrue(refused.blocked());
        // The window started with the first guess; max - 1 steps of 30 s have passed since.
        assertEquals(Optional.of(Duration.ofMinutes(15).minusSeconds(30L * (max - 1))), refused.retryAfter());
    }

    @Test
    void theWindowForgivesWhenItEnds() {
        for (int i = 0; i < max; i++) {
            guess("alice", "203.0.113.5", false);
        }
        assertTrue(throttle.reserve("alice", "203.0.113.5").blocked());
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertTrue(throttle.reserve("alice", "203.0.113.5").blocked(), "one second before the end");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(guess("alice", "203.0.113.5", true), "a new window");
    }

    @Test
    void aRightPasswordGivesItsCheckBackAndCountsNoFailure() {
        for (int i = 0; i < 20; i++) {
            assertTrue(guess("alice", "203.0.113.5", true));
        }
        assertFalse(failures.rows.values().stream().anyMatch(row -> row.failures() > 0), failures.rows.toString());
        assertTrue(failures.rows.keySet().stream().allMatch(key -> key.startsWith("known:")), failures.rows.toString());
    }

    @Test
    void anotherNetworkIsNotStoppedByTheFirstOnesGuesses() {
        for (int i = 0; i < max; i++) {
            guess("alice", "203.0.113.5", false);
        }
        assertTrue(guess("alice", "198.51.100.7", true), "the owner elsewhere (review item 3)");
    }

    @Test
    void pastTheCeilingAKnownNetworkMayTryAPasswordButNeverAnotherCode() {
        assertTrue(guess("alice", "203.0.113.5", true), "alice signs in from her network: it becomes known");
        for (int i = 0; i < max * LoginThrottle.USER_CEILING_FACTOR; i++) {
            assertTrue(guess("alice", "198.18." + (i / 250) + "." + (i % 250 + 1), false), "a guess from a fresh network " + i);
        }
        assertFalse(throttle.reserve("alice", "203.0.113.5").blocked(), "her password from her network still works");
        assertTrue(throttle.reserveSecondFactor("alice", "203.0.113.5").blocked(),
                "but codes are capped per user whatever the network: a thief with the password may have made it known");
    }

    @Test
    void aCheckThatFailsToRunCountsAsNothing() {
        LoginThrottle.Attempt attempt = throttle.reserve("alice", "203.0.113.5");
        assertThrows(IllegalStateException.class, () -> throttle.check(attempt, () -> {
            throw new IllegalStateException("database went away");
        }, right -> true));
        assertTrue(failures.rows.isEmpty(), failures.rows.toString());
    }

    @Test
    void staleCountersAreCleanedUpAfterTheirWindowAndKnownNetworksAfterThirtyDays() {
        guess("alice", "203.0.113.5", false);
        guess("bob", "198.51.100.7", true);
        clock.advance(Duration.ofMinutes(15));
        assertEquals(2, throttle.deleteStale(2), "a batch at most");
        assertEquals(1, throttle.deleteStale(2), "alice's user, network and pair counters in all");
        clock.advance(LoginThrottle.KNOWN_NETWORK_KEPT);
        assertEquals(1, throttle.deleteStale(1000), "bob's known network");
        assertTrue(failures.rows.isEmpty());
    }
}
