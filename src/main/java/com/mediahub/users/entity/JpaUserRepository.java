package com.mediahub.users.entity;

import java.util.List;
import java.util.Optional;

import com.mediahub.security.Role;

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

    /**
     * The account a login names: the exact name first (so an account from before names were
     * compared canonically keeps signing in with its own spelling), else the account whose
     * canonical name is the given name's ({@code ADMIN} signs in as {@code admin}).
     */
    public Optional<User> findForLogin(String username) {
        Optional<User> exact = findByUsername(username);
        if (exact.isPresent()) {
            return exact;
        }
        return em.createQuery("SELECT u FROM User u WHERE u.usernameKey = :key", User.class)
                .setParameter("key", Usernames.lookupKey(username)).getResultStream().findFirst();
    }

    public boolean existsWithKey(String key) {
        return em.createQuery("SELECT COUNT(u) FROM User u WHERE u.usernameKey = :key", Long.class)
                .setParameter("key", key).getSingleResult() > 0;
    }

    public boolean existsWithSkeleton(String skeleton) {
        return em.createQuery("SELECT COUNT(u) FROM User u WHERE u.usernameSkeleton = :skeleton", Long.class)
                .setParameter("skeleton", skeleton).getSingleResult() > 0;
    }

    /** Users stored before names were compared canonically (no key yet), oldest first. */
    public List<User> withoutUsernameKey() {
        return em.createQuery("SELECT u FROM User u WHERE u.usernameKey IS NULL ORDER BY u.id", User.class).getResultList();
    }

    public void setUsernameKey(long id, String key, String skeleton) {
        em.createQuery("UPDATE User u SET u.usernameKey = :key, u.usernameSkeleton = :skeleton WHERE u.id = :id")
                .setParameter("key", key).setParameter("skeleton", skeleton).setParameter("id", id).executeUpdate();
    }

    /** The unique indexes that make the comparison hold under concurrent creation too (after the keys are filled in). */
    public void createUsernameKeyIndexes() {
        em.createNativeQuery("CREATE UNIQUE INDEX IF NOT EXISTS users_username_key_unique ON users(username_key)").executeUpdate();
        em.createNativeQuery("CREATE UNIQUE INDEX IF NOT EXISTS users_username_skeleton_unique ON users(username_skeleton)")
                .executeUpdate();
    }

    /**
     * Locks the admins' rows until the transaction ends and returns their ids: two admins
     * removing each other at once are serialised, and the second sees the first's change.
     */
    public List<Long> lockAdmins() {
        // Roles are stored sorted and comma-separated ("admin,user"): the LIKE only narrows, the
        // converter's parse decides.
        List<?> rows = em.createNativeQuery("SELECT id, roles FROM users WHERE roles LIKE '%admin%' ORDER BY id FOR UPDATE")
                .getResultList();
        RolesConverter roles = new RolesConverter();
        return rows.stream().map(row -> (Object[]) row)
                .filter(row -> roles.convertToEntityAttribute((String) row[1]).contains(Role.ADMIN))
                .map(row -> ((Number) row[0]).longValue()).toList();
    }

    /**
     * Locks the user's row until the transaction ends. Every change to what guards an account (a
     * second factor, app passwords) takes this lock first, then its own rows' (the order an
     * account's deletion takes them), so no two of them deadlock, and a first row of a kind queues
     * on it. An UPDATE that changes nothing: on PostgreSQL its lock (FOR NO KEY UPDATE) lets logins
     * go on inserting refresh tokens that reference the user, which FOR UPDATE would block.
     */
    public void lockRow(long id) {
        em.createNativeQuery("UPDATE users SET token_version = token_version WHERE id = ?1").setParameter(1, id).executeUpdate();
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
