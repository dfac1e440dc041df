package com.mediahub.auth.entity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Throttle counters (failed and in-flight password checks), through JPA. Counting happens in
 * transactions of its own: a failed login rolls nothing back, and the row locks are held for
 * one statement, not for the password check.
 */
@ApplicationScoped
@Transactional
public class JpaLoginFailureRepository {

    @PersistenceContext(unitName = "mediahub")
    EntityManager em;
    @Inject
    ReserveStatement reserve;

    /**
     * Counts one attempt for each key, atomically per key, and returns the counts including it
     * (security review item 2: the count is taken before the password is checked, so parallel
     * attempts cannot all pass a check that has not seen each other).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ThrottleCounter> reserve(List<String> keys, OffsetDateTime now, OffsetDateTime windowFloor) {
        List<ThrottleCounter> counters = new ArrayList<>(keys.size());
        for (String key : keys) {
            counters.add(reserveOne(key, now, windowFloor));
        }
        return counters;
    }

    private ThrottleCounter reserveOne(String key, OffsetDateTime now, OffsetDateTime windowFloor) {
        Object[] row;
        try {
            row = single(key, now, windowFloor);
        } catch (PersistenceException concurrentFirstInsert) {
            if (!reserve.mayRaceOnInsert()) {
                throw concurrentFirstInsert;
            }
            row = single(key, now, windowFloor); // H2's MERGE: the other insert is there now
        }
        return new ThrottleCounter(key, ((Number) row[0]).intValue(), DatabaseTimes.of(row[1]));
    }

    private Object[] single(String key, OffsetDateTime now, OffsetDateTime windowFloor) {
        return (Object[]) em.createNativeQuery(reserve.sql()).setParameter(1, key).setParameter(2, now)
                .setParameter(3, windowFloor).getResultList().get(0);
    }

    /** Gives back one reserved attempt of each key (a success, or an attempt refused unchecked). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void giveBack(List<String> keys) {
        em.createQuery("UPDATE LoginFailure f SET f.failures = f.failures - 1 WHERE f.key IN :keys AND f.failures > 0")
                .setParameter("keys", keys).executeUpdate();
        // A counter back at zero is no counter: successful logins leave no rows behind. (Atomic per
        // row: a concurrent attempt that counted in the meantime keeps its row.)
        em.createQuery("DELETE FROM LoginFailure f WHERE f.key IN :keys AND f.failures <= 0")
                .setParameter("keys", keys).executeUpdate();
    }

    /** Deletes up to {@code limit} counters whose window has passed; returns how many. */
    public int deleteStale(OffsetDateTime windowFloor, int limit) {
        return em.createNativeQuery("DELETE FROM login_failures WHERE throttle_key IN (SELECT throttle_key FROM login_failures "
                        + "WHERE window_start <= ?1 ORDER BY throttle_key FETCH FIRST " + limit + " ROWS ONLY)")
                .setParameter(1, windowFloor).executeUpdate();
    }
}
