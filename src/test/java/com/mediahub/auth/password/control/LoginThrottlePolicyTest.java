package com.mediahub.auth.password.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mediahub.auth.password.entity.ThrottleCounter;

/** Review items 2 and 3: the throttle's decision, from the counts that include the check itself. */
class LoginThrottlePolicyTest {

    private static final int MAX = 10;
    private static final OffsetDateTime NOW = OffsetDateTime.now();

    private static ThrottleCounter counter(String key, int failures, int pending) {
        return new ThrottleCounter(key, failures, pending, NOW);
    }

    private static List<ThrottleCounter> decide(int userFailures, int networkFailures, int networkPending, int pairFailures,
                                                boolean known) {
        return LoginThrottle.decide(new LoginThrottle.Counts(counter("user", userFailures, 1),
                counter("network", networkFailures, networkPending), counter("pair", pairFailures, 1), known), MAX);
    }

    @Test
    void item02_aNetworkAtTheLimitOrWithTooManyGuessesInFlightIsRefused() {
        assertEquals(List.of(), decide(0, 9, 1, 0, false), "the tenth failure may still be tried");
        assertEquals("network", decide(0, 10, 1, 0, false).get(0).key());
        assertEquals("network", decide(0, 3, 8, 0, false).get(0).key(), "3 failures and 8 in flight: past the limit");
    }

    @Test
    void item02_correctPasswordsInFlightAloneNeverCountAsFailures() {
        assertEquals(List.of(), decide(0, 0, 40, 0, false), "a burst without any failure is only bounded by the bcrypt gate");
    }

    @Test
    void item03_aUserUnderAttackStaysOpenToTheOwnersNetworkEvenAfterATypo() {
        assertEquals(List.of(), decide(10, 0, 1, 0, false), "a clean network");
        assertEquals(List.of(), decide(50, 2, 1, 2, false), "two typos of the owner");
        assertEquals("user", decide(10, 3, 1, 3, false).get(0).key(), "a network that guessed three times at this user");
    }

    @Test
    void item03_pastTheCeilingOnlyNetworksTheUserSignedInFromMayTry() {
        assertEquals("user", decide(100, 0, 1, 0, false).get(0).key(), "guessing stays bounded over many networks");
        assertEquals(List.of(), decide(100, 0, 1, 0, true), "the owner's usual network still works");
        assertTrue(decide(99, 0, 1, 0, false).isEmpty());
    }
}
