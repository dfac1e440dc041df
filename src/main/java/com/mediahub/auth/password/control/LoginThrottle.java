package com.mediahub.auth.password.control;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.mediahub.auth.password.entity.JpaLoginFailureRepository;
import com.mediahub.auth.password.entity.ThrottleCounter;
import com.mediahub.config.Settings;
import com.mediahub.platform.crypto.OpaqueValues;
import com.mediahub.platform.error.DatabaseFailures;
import com.mediahub.platform.net.ClientNetwork;
import com.mediahub.users.entity.Usernames;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

/**
 * Brute-force throttling of password checks, counted in the database so that every instance
 * sees the same counts, also after a restart. Three counters per check: the username (in its
 * compared form, so {@code ADMIN} counts for {@code admin}), the client's network (the address
 * for IPv4, the /64 for IPv6) and the pair of both.
 *
 * <p>A check is counted as in flight BEFORE bcrypt runs, by one atomic statement per key that
 * returns the counts including it, and then ends as a failure or not. So parallel attempts see
 * each other, and a check that did not fail (right password, refused, 503, a fault) never counts
 * as a failure. The policy is {@link #decide}; docs/security-model.md "Brute force" says it for operators.
 */
@ApplicationScoped
public class LoginThrottle {

    /** How long a network a user signed in from stays open to them beyond {@link #USER_CEILING_FACTOR}. */
    public static final Duration KNOWN_NETWORK_KEPT = Duration.ofDays(30);
    /** Failures of one user from one network that are forgiven once the user is under attack (typos). */
    static final int PAIR_ALLOWANCE_UNDER_ATTACK = 3;
    /** Failures of a user (times max_failures) beyond which only networks they signed in from before may try. */
    static final int USER_CEILING_FACTOR = 10;

    @Inject
    JpaLoginFailureRepository failures;
    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** A password check counted as in flight: empty {@code retryAfter} means go ahead. */
    public record Attempt(String username, String network, List<ThrottleCounter> counters, Optional<Duration> retryAfter) {
        public boolean blocked() {
            return retryAfter.isPresent();
        }
    }

    /** The counts {@link #decide} looks at, this check included in {@code pending}. */
    record Counts(ThrottleCounter user, ThrottleCounter network, ThrottleCounter pair, boolean knownNetwork) {
    }

    /**
     * Whether a check may run, given the counts including it (OWASP ASVS 2.2.1: guessing stays
     * bounded, the owner is not locked out):
     * <ul>
     * <li>a network or a user+network pair with {@code max} failures is refused; so is one with
     * failures whose failures plus checks in flight exceed {@code max} (parallel guesses);</li>
     * <li>a user with {@code max} failures (under attack) is refused to networks that have already
     * failed {@value #PAIR_ALLOWANCE_UNDER_ATTACK} times for that user, and stays open to the others:
     * the owner's network, a typo or two included;</li>
     * <li>a user with {@value #USER_CEILING_FACTOR} times {@code max} failures is refused to every
     * network except those the user signed in from in the last 30 days: an attacker spread over
     * many networks gets a bounded number of guesses per window, and the owner still signs in.</li>
     * </ul>
     * Empty: go ahead; else the counters that refuse.
     */
    static List<ThrottleCounter> decide(Counts counts, int max) {
        List<ThrottleCounter> refusing = new java.util.ArrayList<>();
        for (ThrottleCounter counter : List.of(counts.network(), counts.pair())) {
            if (overLimit(counter, max)) {
                refusing.add(counter);
            }
        }
        int userFailures = counts.user().failures();
        if (userFailures >= max && counts.pair().failures() >= PAIR_ALLOWANCE_UNDER_ATTACK) {
            refusing.add(counts.user());
        } else if (userFailures >= max * USER_CEILING_FACTOR && !counts.knownNetwork()) {
            refusing.add(counts.user());
        }
        return refusing;
    }

    private static boolean overLimit(ThrottleCounter counter, int max) {
        return counter.failures() >= max || (counter.failures() > 0 && counter.failures() + counter.pending() > max);
    }

    /** Counts a check of {@code username}'s password from {@code address}, and says whether it may run. */
    public Attempt reserve(String username, String address) {
        return reserve(username, address, true);
    }

    /**
     * Counts a check of a second factor's code, after a right password: as {@link #reserve}, but
     * networks the user signed in from before are not exempt from the per-user ceiling. Whoever
     * guesses codes holds the password, and a network known before the second factor was on (or
     * known to a thief who signed in with the password then) must not give unlimited guesses.
     */
    public Attempt reserveSecondFactor(String username, String address) {
        return reserve(username, address, false);
    }

    private Attempt reserve(String username, String address, boolean knownNetworksExempt) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        String network = ClientNetwork.of(address);
        String userKey = userKey(username);
        String networkKey = networkKey(network);
        String pairKey = "pair:" + OpaqueValues.sha256Hex(userKey + "|" + network);
        // Sorted: every request locks the rows in one order (no deadlock between two of them).
        List<String> keys = java.util.stream.Stream.of(userKey, networkKey, pairKey).sorted().toList();
        List<ThrottleCounter> counters = retriedOnce(() -> failures.reserve(keys, now, now.minus(settings.failureWindow())));
        ThrottleCounter user = find(counters, userKey);
        // Asked only of a user past the ceiling: one more query for them, none for everybody else.
        boolean knownNetwork = knownNetworksExempt && user.failures() >= settings.maxFailures() * USER_CEILING_FACTOR
                && failures.exists(knownKey(username, network));
        Counts counts = new Counts(user, find(counters, networkKey), find(counters, pairKey), knownNetwork);
        List<ThrottleCounter> refusing = decide(counts, settings.maxFailures());
        if (refusing.isEmpty()) {
            return new Attempt(username, network, counters, Optional.empty());
        }
        failures.finish(counters, false);
        Duration wait = refusing.stream().map(c -> Duration.between(now, c.windowStart().plus(settings.failureWindow())))
                .max(Duration::compareTo).orElse(Duration.ZERO);
        return new Attempt(username, network, counters, Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait));
    }

    /** The password was right: the check is given back, and the network is one the user signs in from. */
    public void succeeded(Attempt attempt) {
        failures.finish(attempt.counters(), false);
        failures.rememberKnown(knownKey(attempt.username(), attempt.network()), clock.instant().atOffset(ZoneOffset.UTC));
    }

    /** The password was wrong: the check counts as a failure for every key. */
    public void failed(Attempt attempt) {
        failures.finish(attempt.counters(), true);
    }

    /** The check ended without an answer (busy, a fault): it counts as nothing. */
    public void abandoned(Attempt attempt) {
        failures.finish(attempt.counters(), false);
    }

    /**
     * Runs a password check under the throttle and returns its result: {@code right} says whether
     * the result means the password was right; whatever the check throws ends the attempt as
     * abandoned and is rethrown.
     */
    public <T> T check(Attempt attempt, Supplier<T> check, java.util.function.Predicate<T> right) {
        T result;
        try {
            result = check.get();
        } catch (RuntimeException e) {
            abandoned(attempt);
            throw e;
        }
        if (right.test(result)) {
            succeeded(attempt);
        } else {
            failed(attempt);
        }
        return result;
    }

    /** Deletes up to {@code limit} counters whose window has passed, and known networks unseen for 30 days. */
    public int deleteStale(int limit) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return failures.deleteStale(now.minus(settings.failureWindow()), now.minus(KNOWN_NETWORK_KEPT), limit);
    }

    /** H2's MERGE can lose a race on a first insert; the retry runs in a new transaction and finds the row. */
    private static List<ThrottleCounter> retriedOnce(Supplier<List<ThrottleCounter>> reservation) {
        try {
            return reservation.get();
        } catch (PersistenceException | jakarta.transaction.TransactionalException raced) {
            if (DatabaseFailures.isUnavailable(raced)) {
                throw raced;
            }
            return reservation.get();
        }
    }

    private static ThrottleCounter find(List<ThrottleCounter> counters, String key) {
        return counters.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    /** Attempted usernames can be anything a client sends: long ones are keyed by their hash. */
    static String userKey(String username) {
        String key = Usernames.lookupKey(username);
        return "user:" + (key.length() <= 64 ? key : "sha256:" + OpaqueValues.sha256Hex(key));
    }

    static String addressKey(String address) {
        return networkKey(ClientNetwork.of(address));
    }

    private static String networkKey(String network) {
        return "address:" + network;
    }

    private static String knownKey(String username, String network) {
        return JpaLoginFailureRepository.KNOWN_PREFIX + OpaqueValues.sha256Hex(userKey(username) + "|" + network);
    }
}
