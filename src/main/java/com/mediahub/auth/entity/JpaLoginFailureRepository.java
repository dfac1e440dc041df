package com.mediahub.auth.entity;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Failed-login counters, through JPA. Counting happens in transactions of its own: a failed login rolls nothing back. */
@ApplicationScoped
@Transactional
public class JpaLoginFailureRepository {

    @PersistenceContext(unitName = "mediahub")
    EntityManager em;

    /** The counters of these keys whose window started after {@code windowFloor}. */
    public List<LoginFailure> current(List<String> keys, OffsetDateTime windowFloor) {
        return em.createQuery("SELECT f FROM LoginFailure f WHERE f.key IN :keys AND f.windowStart > :floor", LoginFailure.class)
                .setParameter("keys", keys).setParameter("floor", windowFloor).getResultList();
    }

    /**
     * Counts one failure: in the current window if there is one, else in a new window. Fails
     * with a PersistenceException if another request created the row at the same moment (the
     * caller tries again, and then the UPDATE counts).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void increment(String key, OffsetDateTime now, OffsetDateTime windowFloor) {
        int counted = em.createQuery("UPDATE LoginFailure f SET f.failures = f.failures + 1 "
                        + "WHERE f.key = :key AND f.windowStart > :floor")
                .setParameter("key", key).setParameter("floor", windowFloor).executeUpdate();
        if (counted == 0) {
            counted = em.createQuery("UPDATE LoginFailure f SET f.failures = 1, f.windowStart = :now WHERE f.key = :key")
                    .setParameter("key", key).setParameter("now", now).executeUpdate();
        }
        if (counted == 0) {
            em.persist(new LoginFailure(key, now));
            em.flush();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reset(String key) {
        em.createQuery("DELETE FROM LoginFailure f WHERE f.key = :key").setParameter("key", key).executeUpdate();
    }

    /** Deletes up to {@code limit} counters whose window has passed; returns how many. */
    public int deleteStale(OffsetDateTime windowFloor, int limit) {
        return em.createNativeQuery("DELETE FROM login_failures WHERE throttle_key IN (SELECT throttle_key FROM login_failures "
                        + "WHERE window_start <= ?1 ORDER BY throttle_key FETCH FIRST " + limit + " ROWS ONLY)")
                .setParameter(1, windowFloor).executeUpdate();
    }
}
