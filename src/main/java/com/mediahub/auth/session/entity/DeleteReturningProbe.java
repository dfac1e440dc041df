package com.mediahub.auth.session.entity;

import com.mediahub.platform.persistence.ProbedSql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Asks the database whether it understands {@code DELETE ... RETURNING}, on no rows, in a
 * transaction of its own (a failed statement must not spoil the caller's transaction).
 */
@ApplicationScoped
public class DeleteReturningProbe {

    @PersistenceContext(unitName = "mediahub")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void run() {
        em.createNativeQuery(ConsumeStatement.DELETE_RETURNING).setParameter(1, "").setParameter(2, ProbedSql.PROBE_TIME)
                .getResultList();
    }
}
