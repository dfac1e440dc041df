package com.mediahub.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers remembered for a while: what the database said about a key is trusted for
 * {@code lifetime}, then asked again. The staleness bound of the security model's caches (token
 * versions, profiles) lives here once, on the injected clock. Unbounded by design: keys are user
 * ids, so it holds at most one entry per user.
 *
 * @param <K> the key (a user id)
 * @param <V> the answer; an empty {@code Optional} is an answer too ("no such user")
 */
public final class ExpiringAnswers<K, V> {

    private record Answer<V>(V value, long askedAtMillis, boolean forever) {
    }

    private final ConcurrentMap<K, Answer<V>> answers = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Supplier<Duration> lifetime;

    public ExpiringAnswers(Clock clock, Supplier<Duration> lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The remembered answer if it is younger than the lifetime, else {@code source}'s, remembered. */
    public V get(K key, Function<K, V> source) {
        long now = clock.millis();
        Answer<V> answer = answers.get(key);
        if (answer == null || !answer.forever() && !young(now - answer.askedAtMillis(), lifetime.get())) {
            answer = new Answer<>(source.apply(key), now, false);
            answers.put(key, answer);
        }
        return answer.value();
    }

    /** This instance just changed the answer itself: trust the new one from now on. */
    public void put(K key, V value) {
        answers.put(key, new Answer<>(value, clock.millis(), false));
    }

    /** An answer that can never change again (a deleted user: ids are never reused). */
    public void putForever(K key, V value) {
        answers.put(key, new Answer<>(value, clock.millis(), true));
    }

    /**
     * Whether an answer of this age may still be trusted. A negative age means the wall clock
     * was set back since: the answer is asked again rather than trusted for longer than the
     * bound (the clock is the wall clock, so that tests can set it; only its steps need care).
     */
    public static boolean young(long ageMillis, Duration lifetime) {
        return ageMillis >= 0 && ageMillis < lifetime.toMillis();
    }

    public void forget(K key) {
        answers.remove(key);
    }
}
