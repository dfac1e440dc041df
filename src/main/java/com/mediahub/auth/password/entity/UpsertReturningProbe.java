package com.mediahub.auth.password.entity;

import com.mediahub.platform.persistence.ProbedSql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Asks the database whether it understands {@code INSERT ... ON CONFLICT ... RETURNING}, in a
 * transaction of its own (a failed statement must not spoil the caller's transaction); the probe
 * row is deleted again in the same transaction.
 */
@ApplicationScoped
public class UpsertReturningProbe {

    @PersistenceContext(unitName = "mediahub")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void run() {
        em.createNativeQuery(ReserveStatement.UPSERT_RETURNING).setParameter(1, "probe:upsert")
                .setParameter(2, ProbedSql.PROBE_TIME).setParameter(3, ProbedSql.PROBE_TIME).getResultList();
        em.createNativeQuery("DELETE FROM login_failures WHERE throttle_key = ?1").setParameter(1, "probe:upsert").executeUpdate();
    }
}
