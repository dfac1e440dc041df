package com.mediahub.auth.apppassword.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.mediahub.users.entity.User;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** App passwords through JPA, in the caller's transaction. */
@ApplicationScoped
public class JpaAppPasswordRepository {

    @PersistenceContext(unitName = "mediahub")
    EntityManager em;

    /**
     * The app password stored under this SHA-256 (a unique index) with its owner, read in one
     * statement: the owner's token version is the one of the moment the row was seen, so a
     * password change that ends the row cannot slip between two reads.
     */
    public Optional<AppPasswordOwner> findByHash(String passwordHash) {
        return em.createQuery("SELECT a, u FROM AppPassword a, User u WHERE u.id = a.userId AND a.passwordHash = :hash", Object[].class)
                .setParameter("hash", passwordHash).getResultStream().findFirst()
                .map(row -> new AppPasswordOwner((AppPassword) row[0], (User) row[1]));
    }

    /** The user's app passwords, oldest first. */
    public List<AppPassword> ofUser(long userId) {
        return em.createQuery("SELECT a FROM AppPassword a WHERE a.userId = :user ORDER BY a.id", AppPassword.class)
                .setParameter("user", userId).getResultList();
    }

    public long countOfUser(long userId) {
        return em.createQuery("SELECT COUNT(a) FROM AppPassword a WHERE a.userId = :user", Long.class)
                .setParameter("user", userId).getSingleResult();
    }

    public AppPassword add(AppPassword appPassword) {
        em.persist(appPassword);
        em.flush(); // the id, for the answer
        return appPassword;
    }

    /** Deletes the user's app password with this id; the hash it had, if there was one. */
    public Optional<String> delete(long userId, long id) {
        List<String> hashes = em.createQuery("SELECT a.passwordHash FROM AppPassword a WHERE a.userId = :user AND a.id = :id", String.class)
                .setParameter("user", userId).setParameter("id", id).getResultList();
        if (hashes.isEmpty()) {
            return Optional.empty();
        }
        int deleted = em.createQuery("DELETE FROM AppPassword a WHERE a.userId = :user AND a.id = :id")
                .setParameter("user", userId).setParameter("id", id).executeUpdate();
        return deleted == 1 ? Optional.of(hashes.get(0)) : Optional.empty();
    }

    /** Deletes every app password of the user; how many there were. */
    public int deleteAllOf(long userId) {
        return em.createQuery("DELETE FROM AppPassword a WHERE a.userId = :user").setParameter("user", userId).executeUpdate();
    }

    /**
     * Records a use, unless one at or after {@code notBefore} is recorded already: at most one
     * write a minute per app password, across all instances.
     */
    public void recordUse(long id, OffsetDateTime now, OffsetDateTime notBefore) {
        em.createQuery("UPDATE AppPassword a SET a.lastUsedAt = :now WHERE a.id = :id AND (a.lastUsedAt IS NULL OR a.lastUsedAt < :notBefore)")
                .setParameter("now", now).setParameter("id", id).setParameter("notBefore", notBefore).executeUpdate();
    }
}
