package com.mediahub.auth.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.mediahub.auth.entity.JpaLoginFailureRepository;
import com.mediahub.auth.entity.LoginFailure;
import com.mediahub.config.Settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

/**
 * Brute-force throttling of password checks, per username AND per client address: after
 * {@code [auth] max_failures} failures within {@code [auth] failure_window_minutes}, further
 * attempts are refused (429) until the window has passed, without running bcrypt. A success
 * resets the username's counter (not the address's). Nothing locks an account for good.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    JpaLoginFailureRepository failures;
    @Inject
    Settings settings;

    /** What the counters say about one attempt, read once before the password is checked. */
    public record Verdict(Optional<Duration> retryAfter, boolean usernameHasFailures) {
        public boolean blocked() {
            return retryAfter.isPresent();
        }
    }

    public Verdict check(String username, String address) {
        OffsetDateTime now = now();
        List<LoginFailure> counters = failures.current(List.of(userKey(username), addressKey(address)),
                now.minus(settings.failureWindow()));
        Optional<Duration> retryAfter = counters.stream()
                .filter(c -> c.getFailures() >= settings.maxFailures())
                .map(c -> Duration.between(now, c.getWindowStart().plus(settings.failureWindow())))
                .max(Duration::compareTo)
                .map(d -> d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d);
        boolean usernameHasFailures = counters.stream().anyMatch(c -> c.getKey().equals(userKey(username)));
        return new Verdict(retryAfter, usernameHasFailures);
    }

    public void failed(String username, String address) {
        count(userKey(username));
        count(addressKey(address));
    }

    public void succeeded(String username, Verdict verdict) {
        if (verdict.usernameHasFailures()) {
            failures.reset(userKey(username));
        }
    }

    private void count(String key) {
        OffsetDateTime now = now();
        try {
            failures.increment(key, now, now.minus(settings.failureWindow()));
        } catch (PersistenceException | jakarta.transaction.TransactionalException concurrentFirstFailure) {
            // Another request inserted the row between our UPDATE and INSERT: count in it.
            failures.increment(key, now, now.minus(settings.failureWindow()));
        }
    }

    /** Attempted usernames can be anything a client sends: long ones are keyed by their hash. */
    static String userKey(String username) {
        return "user:" + (username.length() <= 64 ? username : "sha256:" + RefreshTokens.hash(username));
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
