package com.mediahub.users.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mediahub.config.OperationsSettings;
import com.mediahub.platform.net.ClientNetwork;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Self-registrations per client address in fixed windows (default 5 per hour), counted on this
 * instance: every attempt counts, successful or not, so a script cannot probe usernames or fill
 * the table. Kept in memory rather than in the database because a registration is rare and
 * cheap to refuse; with N instances behind a balancer an address gets at most N times the limit.
 * IPv6 clients are counted per /64 (one customer's network), so rotating addresses inside it
 * gains nothing. Memory is bounded: finished windows are dropped (at most once a second) above
 * {@value #PRUNE_ABOVE} tracked networks, and above {@value #MAX_TRACKED} live ones new
 * networks are refused for a minute rather than tracked.
 */
@ApplicationScoped
public class RegistrationThrottle {

    /** Beyond this many tracked addresses, finished windows are dropped before adding another. */
    static final int PRUNE_ABOVE = 10_000;
    /** Beyond this many live windows, addresses not yet tracked are refused. */
    static final int MAX_TRACKED = 100_000;
    static final Duration REFUSED_WHEN_FULL = Duration.ofMinutes(1);

    @Inject
    OperationsSettings settings;
    @Inject
    Clock clock;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile Instant lastPrune = Instant.EPOCH;

    record Window(Instant start, int attempts) {
    }

    public RegistrationThrottle() {
    }

    /** For unit tests. */
    RegistrationThrottle(OperationsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How many addresses are tracked (for tests of the pruning). */
    int tracked() {
        return windows.size();
    }

    /** Counts an attempt from {@code address}; empty when allowed, else how long to wait. */
    public Optional<Duration> attempt(String address) {
        Instant now = clock.instant();
        Duration length = settings.registrationWindow();
        String network = ClientNetwork.of(address);
        if (windows.size() > PRUNE_ABOVE && now.isAfter(lastPrune.plusSeconds(1))) {
            lastPrune = now;
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(length)));
        }
        if (windows.size() >= MAX_TRACKED && !windows.containsKey(network)) {
            return Optional.of(REFUSED_WHEN_FULL);
        }
        Window window = windows.compute(network, (key, current) ->
                current == null || !now.isBefore(current.start().plus(length))
                        ? new Window(now, 1) : new Window(current.start(), current.attempts() + 1));
        if (window.attempts() <= settings.registrationsPerWindow()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start().plus(length)));
    }
}
