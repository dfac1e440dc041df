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

    private record Answer<V>(V value, long askedAtMillis) {
    }

    /** Far enough ahead never to expire, far enough from overflow for the subtraction. */
    private static final long FOREVER = Long.MAX_VALUE / 2;

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
        if (answer == null || now - answer.askedAtMillis() >= lifetime.get().toMillis()) {
            answer = new Answer<>(source.apply(key), now);
            answers.put(key, answer);
        }
        return answer.value();
    }

    /** This instance just changed the answer itself: trust the new one from now on. */
    public void put(K key, V value) {
        answers.put(key, new Answer<>(value, clock.millis()));
    }

    /** An answer that can never change again (a deleted user: ids are never reused). */
    public void putForever(K key, V value) {
        answers.put(key, new Answer<>(value, FOREVER));
    }

    public void forget(K key) {
        answers.remove(key);
    }
}
