package com.mediahub.auth.control;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.mediahub.auth.entity.JpaLoginFailureRepository;
import com.mediahub.auth.entity.ThrottleCounter;
import com.mediahub.config.Settings;
import com.mediahub.platform.net.ClientNetwork;
import com.mediahub.users.entity.Usernames;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Brute-force throttling of password checks, counted in the database so that every instance
 * sees the same counts, also after a restart. Two counters per attempt: the username (in its
 * canonical form, so {@code ADMIN} counts for {@code admin}) and the client's network (the
 * address for IPv4, the /64 for IPv6).
 *
 * <p>An attempt is counted BEFORE the password is checked, by one atomic statement per key that
 * returns the count including this attempt; a success (or a refusal) gives it back. So parallel
 * attempts see each other, and at most {@code [auth] max_failures} of them reach bcrypt.
 *
 * <p>The policy (OWASP ASVS 2.2.1: guessing bounded, no lockout of the owner):
 * <ul>
 * <li>a network with {@code max_failures} failures in the window is refused, for any username;</li>
 * <li>a username with {@code max_failures} failures is refused to networks that have failures of
 * their own in the window, but stays open to a network with none. An attacker spread over many
 * addresses gets one guess per fresh network per window; the owner, from a network that has not
 * been failing, still signs in.</li>
 * </ul>
 * Nothing locks an account for good; counters start again when their window has passed.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    JpaLoginFailureRepository failures;
    @Inject
    Settings settings;

    private final Clock clock = Clock.systemUTC();

    /** A counted attempt: empty {@code retryAfter} means go ahead and check the password. */
    public record Attempt(List<String> keys, Optional<Duration> retryAfter) {
        public boolean blocked() {
            return retryAfter.isPresent();
        }
    }

    /** Counts an attempt of {@code username} from {@code address}, and says whether it may proceed. */
    public Attempt reserve(String username, String address) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<String> keys = List.of(userKey(username), addressKey(address));
        List<ThrottleCounter> counts = failures.reserve(keys, now, now.minus(settings.failureWindow()));
        ThrottleCounter user = counts.get(0);
        ThrottleCounter network = counts.get(1);
        int max = settings.maxFailures();
        // Counts include this attempt: "> max" means max failures (or attempts in flight) before it.
        boolean networkBlocked = network.failures() > max;
        boolean userBlocked = user.failures() > max && network.failures() > 1;
        if (!networkBlocked && !userBlocked) {
            return new Attempt(keys, Optional.empty());
        }
        failures.giveBack(keys);
        Duration wait = Duration.ZERO;
        for (ThrottleCounter blocking : networkBlocked && userBlocked ? counts : List.of(networkBlocked ? network : user)) {
            Duration left = Duration.between(now, blocking.windowStart().plus(settings.failureWindow()));
            wait = left.compareTo(wait) > 0 ? left : wait;
        }
        return new Attempt(keys, Optional.of(wait.isZero() || wait.isNegative() ? Duration.ofSeconds(1) : wait));
    }

    /** The password was right: the attempt is given back. */
    public void succeeded(Attempt attempt) {
        failures.giveBack(attempt.keys());
    }

    /** Attempted usernames can be anything a client sends: long ones are keyed by their hash. */
    static String userKey(String username) {
        String key = Usernames.lookupKey(username);
        return "user:" + (key.length() <= 64 ? key : "sha256:" + RefreshTokens.hash(key));
    }

    static String addressKey(String address) {
        return "address:" + ClientNetwork.of(address);
    }
}
