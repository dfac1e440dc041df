package com.mediahub.auth.password.entity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.mediahub.platform.persistence.DatabaseTimes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Throttle counters, through JPA: per key the failures counted in the current window and the
 * password checks in flight. Every change runs in a transaction of its own (a failed login rolls
 * nothing back, and row locks are held for one statement, never across a password check), and
 * touches the keys in sorted order, so two requests on the same keys cannot deadlock.
 */
@ApplicationScoped
@Transactional
public class JpaLoginFailureRepository {

    /** Keys of networks where a user signed in; not throttle counters (kept by {@link #deleteStale} for 30 days). */
    public static final String KNOWN_PREFIX = "known:";

    @PersistenceContext(unitName = "mediahub")
    EntityManager em;
    @Inject
    ReserveStatement reserve;

    /**
     * Counts one password check in flight for each key, atomically per key, and returns each
     * key's counts including it (security review item 2: the count is taken before the password
     * is checked, so parallel attempts see each other). {@code keys} must be sorted.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ThrottleCounter> reserve(List<String> keys, OffsetDateTime now, OffsetDateTime windowFloor) {
        List<ThrottleCounter> counters = new ArrayList<>(keys.size());
        for (String key : keys) {
            Object[] row = (Object[]) em.createNativeQuery(reserve.sql()).setParameter(1, key).setParameter(2, now)
                    .setParameter(3, windowFloor).getResultList().get(0);
            counters.add(new ThrottleCounter(key, ((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                    DatabaseTimes.of(row[2])));
        }
        return counters;
    }

    /**
     * Ends checks in flight: each counter loses one pending check, and gains a failure when
     * {@code failed}. A check that did not fail is given back only in the window it was counted
     * in (a window that started since has not seen it). Counters back at nothing are deleted.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(List<ThrottleCounter> reserved, boolean failed) {
        for (ThrottleCounter counter : reserved) {
            if (failed) {
                em.createQuery("UPDATE LoginFailure f SET f.failures = f.failures + 1, "
                                + "f.pending = CASE WHEN f.pending > 0 THEN f.pending - 1 ELSE 0 END WHERE f.key = :key")
                        .setParameter("key", counter.key()).executeUpdate();
            } else {
                em.createQuery("UPDATE LoginFailure f SET f.pending = f.pending - 1 "
                                + "WHERE f.key = :key AND f.pending > 0 AND f.windowStart = :start")
                        .setParameter("key", counter.key()).setParameter("start", counter.windowStart()).executeUpdate();
                em.createQuery("DELETE FROM LoginFailure f WHERE f.key = :key AND f.failures = 0 AND f.pending = 0")
                        .setParameter("key", counter.key()).executeUpdate();
            }
        }
    }

    /** Remembers that a user signed in from a network (the key says which), with the time. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void rememberKnown(String key, OffsetDateTime now) {
        if (em.createQuery("UPDATE LoginFailure f SET f.windowStart = :now WHERE f.key = :key")
                .setParameter("now", now).setParameter("key", key).executeUpdate() == 0) {
            // The reservation's upsert creates the row atomically (two first sign-ins at once cannot
            // collide); a known network has nothing in flight.
            em.createNativeQuery(reserve.sql()).setParameter(1, key).setParameter(2, now).setParameter(3, now).getResultList();
            em.createQuery("UPDATE LoginFailure f SET f.pending = 0 WHERE f.key = :key").setParameter("key", key).executeUpdate();
        }
    }

    public boolean exists(String key) {
        return em.find(LoginFailure.class, key) != null;
    }

    /**
     * Deletes up to {@code limit} counters whose window has passed, and known networks not seen
     * since {@code knownFloor}; returns how many.
     */
    public int deleteStale(OffsetDateTime windowFloor, OffsetDateTime knownFloor, int limit) {
        return em.createNativeQuery("DELETE FROM login_failures WHERE throttle_key IN (SELECT throttle_key FROM login_failures "
                        + "WHERE (throttle_key NOT LIKE '" + KNOWN_PREFIX + "%' AND window_start <= ?1) "
                        + "OR (throttle_key LIKE '" + KNOWN_PREFIX + "%' AND window_start <= ?2) "
                        + "ORDER BY throttle_key FETCH FIRST " + limit + " ROWS ONLY)")
                .setParameter(1, windowFloor).setParameter(2, knownFloor).executeUpdate();
    }
}
