package com.mediahub.system.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Whether the database answers a trivial query right now. */
@ApplicationScoped
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
