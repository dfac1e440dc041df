package com.mediahub.auth.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The refresh-token allow-list, through JPA. Every statement takes the token's hash, never the
 * token. Callers supply "now" so that expiry is judged by one clock (the application's) on
 * every instance and every database.
 */
@ApplicationScoped
@Transactional // joins the caller's transaction, else runs in its own: see package-info
public class JpaRefreshTokenRepository {

    @PersistenceContext(unitName = "mediahub")
    EntityManager em;
    @Inject
    ConsumeStatement consumeStatement;

    public RefreshToken add(RefreshToken token) {
        em.persist(token);
        return token;
    }

    /** The user any stored token belongs to, expired or not. */
    public Optional<Long> findOwner(String tokenHash) {
        return em.createQuery("SELECT t.userId FROM RefreshToken t WHERE t.tokenHash = :hash", Long.class)
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    /**
     * Consumes a live token with ONE conditional statement that also returns its owner: of any
     * number of concurrent callers (on any number of instances) exactly one gets the owner; the
     * database's row lock serialises them and the others find the row gone.
     */
    public Optional<Long> consume(String tokenHash, OffsetDateTime now) {
        List<?> owners = em.createNativeQuery(consumeStatement.sql())
                .setParameter(1, tokenHash).setParameter(2, now)
                .getResultList();
        return owners.isEmpty() ? Optional.empty() : Optional.of(((Number) owners.get(0)).longValue());
    }

    /** Deletes the token if it belongs to {@code userId}; returns whether a row was deleted. */
    public boolean deleteOwnedBy(String tokenHash, long userId) {
        return em.createQuery("DELETE FROM RefreshToken t WHERE t.tokenHash = :hash AND t.userId = :user")
                .setParameter("hash", tokenHash).setParameter("user", userId)
                .executeUpdate() == 1;
    }

    public int deleteExpired(OffsetDateTime now) {
        return em.createQuery("DELETE FROM RefreshToken t WHERE t.expiry <= :now")
                .setParameter("now", now).executeUpdate();
    }
}
