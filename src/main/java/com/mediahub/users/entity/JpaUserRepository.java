package com.mediahub.users.entity;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Users in the database, through JPA. */
@ApplicationScoped
@Transactional // joins the caller's transaction, else runs in its own: see package-info
public class JpaUserRepository {

    @PersistenceContext(unitName = "mediahub")
    EntityManager em;

    public Optional<User> findById(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    public Optional<User> findByUsername(String username) {
        return em.createQuery("SELECT u FROM User u WHERE u.username = :username", User.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    /** The user's token version, or empty if there is no such user. */
    public Optional<Integer> tokenVersion(long id) {
        return em.createQuery("SELECT u.tokenVersion FROM User u WHERE u.id = :id", Integer.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /** Counts the user's token version up (revoking every access token issued before); returns the new one. */
    public int bumpTokenVersion(long id) {
        em.createQuery("UPDATE User u SET u.tokenVersion = u.tokenVersion + 1 WHERE u.id = :id")
                .setParameter("id", id).executeUpdate();
        return tokenVersion(id).orElseThrow();
    }

    public void updatePasswordHash(long id, String passwordHash) {
        em.createQuery("UPDATE User u SET u.passwordHash = :hash WHERE u.id = :id")
                .setParameter("hash", passwordHash).setParameter("id", id).executeUpdate();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
    }

    public List<User> listAll() {
        return em.createQuery("SELECT u FROM User u ORDER BY u.id", User.class).getResultList();
    }

    /** Inserts the user and flushes, so that a duplicate username fails here and not at commit. */
    public User add(User user) {
        em.persist(user);
        em.flush();
        return user;
    }

    /**
     * Deletes the user with one statement; the database deletes their refresh tokens, databases
     * and entries in the same statement (ON DELETE CASCADE). Returns whether a row was deleted.
     */
    public boolean delete(long id) {
        return em.createQuery("DELETE FROM User u WHERE u.id = :id").setParameter("id", id).executeUpdate() == 1;
    }
}
