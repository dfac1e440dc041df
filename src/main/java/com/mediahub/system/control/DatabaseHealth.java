package com.mediahub.system.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Whether the database answers a trivial query right now. */
@ApplicationScoped
@Transactional // a read outside a transaction would be retried by EclipseLink for 10 s
public class DatabaseHealth {

    @PersistenceContext(unitName = "mediahub")
    EntityManager em;

    public boolean isUp() {
        try {
            em.createNativeQuery("SELECT 1").getSingleResult();
            return true;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }
}
