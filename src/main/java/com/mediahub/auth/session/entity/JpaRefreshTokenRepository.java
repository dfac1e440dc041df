package com.mediahub.auth.session.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.mediahub.platform.persistence.DatabaseTimes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The refresh-token allow-list and the memory of consumed tokens, through JPA. Every statement
 * takes the token's hash, never the token. Callers supply "now" so that expiry is judged by one
 * clock (the application's) on every instance and every database.
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

    /** Live (unexpired) refresh tokens and the sessions (families) they belong to, for the metrics gauges. */
    public long[] countLive(OffsetDateTime now) {
        Object[] row = em.createQuery("SELECT COUNT(t), COUNT(DISTINCT t.familyId) FROM RefreshToken t WHERE t.expiry > :now",
                Object[].class).setParameter("now", now).getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** The user any stored token belongs to, expired or not. */
    public Optional<Long> findOwner(String tokenHash) {
        return em.createQuery("SELECT t.userId FROM RefreshToken t WHERE t.tokenHash = :hash", Long.class)
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    /**
     * Consumes a live token with ONE conditional statement that also returns what the successor
     * inherits: of any number of concurrent callers (on any number of instances) exactly one gets
     * it; the database's row lock serialises them and the others find the row gone.
     */
    public Optional<ConsumedToken> consume(String tokenHash, OffsetDateTime now) {
        List<?> rows = em.createNativeQuery(consumeStatement.sql())
                .setParameter(1, tokenHash).setParameter(2, now)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Family family = new Family(number(row[1]), DatabaseTimes.of(row[2]), DatabaseTimes.of(row[3]), (int) number(row[4]),
                (String) row[6]);
        return Optional.of(new ConsumedToken(number(row[0]), family, DatabaseTimes.of(row[5])));
    }

    /** Remembers a consumed token until it would have expired, so that a replay is recognised. */
    public void rememberConsumed(String tokenHash, ConsumedToken consumed, OffsetDateTime now) {
        em.createNativeQuery("INSERT INTO consumed_refresh_tokens (token_hash, user_id, family_id, generation, consumed_at, expiry) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, tokenHash).setParameter(2, consumed.userId()).setParameter(3, consumed.family().id())
                .setParameter(4, consumed.family().generation()).setParameter(5, now).setParameter(6, consumed.expiry())
                .executeUpdate();
    }

    public Optional<ReplayedToken> findConsumed(String tokenHash) {
        List<?> rows = em.createNativeQuery("SELECT user_id, family_id, generation, consumed_at FROM consumed_refresh_tokens "
                        + "WHERE token_hash = ?1")
                .setParameter(1, tokenHash).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new ReplayedToken(number(row[0]), number(row[1]), (int) number(row[2]), DatabaseTimes.of(row[3])));
    }

    /** The generation of the family's live token, if the family is still alive. */
    public Optional<Integer> liveGeneration(long familyId, long userId) {
        return em.createQuery("SELECT t.generation FROM RefreshToken t WHERE t.familyId = :family AND t.userId = :user",
                        Integer.class)
                .setParameter("family", familyId).setParameter("user", userId).getResultStream().findFirst();
    }

    /** Revokes a session: deletes its live token(s). Returns how many were deleted. */
    public int deleteFamily(long familyId, long userId) {
        return em.createQuery("DELETE FROM RefreshToken t WHERE t.familyId = :family AND t.userId = :user")
                .setParameter("family", familyId).setParameter("user", userId).executeUpdate();
    }

    /**
     * Keeps the user's {@code keep} newest live sessions and revokes the others (their live
     * tokens); returns how many were revoked. Bounds what one account can store, however it is used.
     */
    public int revokeSessionsBeyond(long userId, int keep, OffsetDateTime now) {
        List<Long> older = em.createQuery("SELECT t.familyId FROM RefreshToken t WHERE t.userId = :user AND t.expiry > :now "
                        + "ORDER BY t.familyCreatedAt DESC, t.familyId DESC", Long.class)
                .setParameter("user", userId).setParameter("now", now).setFirstResult(keep).getResultList();
        if (older.isEmpty()) {
            return 0;
        }
        em.createQuery("DELETE FROM RefreshToken t WHERE t.userId = :user AND t.familyId IN :families")
                .setParameter("user", userId).setParameter("families", older).executeUpdate();
        return older.size();
    }

    /** Deletes the token if it belongs to {@code userId}; returns whether a row was deleted. */
    public boolean deleteOwnedBy(String tokenHash, long userId) {
        return em.createQuery("DELETE FROM RefreshToken t WHERE t.tokenHash = :hash AND t.userId = :user")
                .setParameter("hash", tokenHash).setParameter("user", userId)
                .executeUpdate() == 1;
    }

    /** Every live token of the user (logout-all, password change); returns how many. */
    public int deleteAllOf(long userId) {
        em.createNativeQuery("DELETE FROM consumed_refresh_tokens WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
        return em.createQuery("DELETE FROM RefreshToken t WHERE t.userId = :user").setParameter("user", userId).executeUpdate();
    }

    /** Every live token of the user outside session {@code keptFamily} (null: none kept); returns how many. */
    public int deleteAllOfExcept(long userId, Long keptFamily) {
        if (keptFamily == null) {
            return deleteAllOf(userId);
        }
        return em.createQuery("DELETE FROM RefreshToken t WHERE t.userId = :user AND t.familyId <> :kept")
                .setParameter("user", userId).setParameter("kept", keptFamily).executeUpdate();
    }

    /** The session goes on under the user's new token version (after its owner ended all others). */
    public void restamp(long userId, long familyId, int tokenVersion) {
        em.createQuery("UPDATE RefreshToken t SET t.tokenVersion = :version WHERE t.userId = :user AND t.familyId = :family")
                .setParameter("version", tokenVersion).setParameter("user", userId).setParameter("family", familyId)
                .executeUpdate();
    }

    /** Sessions per user, counted as {@link #sessionsOf} lists them; users without any are absent. */
    public Map<Long, Long> sessionCounts() {
        return em.createQuery("SELECT t.userId, COUNT(DISTINCT t.familyId) FROM RefreshToken t GROUP BY t.userId", Object[].class)
                .getResultStream().collect(Collectors.toMap(row -> (Long) row[0], row -> ((Number) row[1]).longValue()));
    }

    /** The user's live sessions, newest login first. */
    public List<Session> sessionsOf(long userId) {
        return em.createQuery("SELECT t FROM RefreshToken t WHERE t.userId = :user ORDER BY t.familyCreatedAt DESC, t.familyId DESC",
                        RefreshToken.class)
                .setParameter("user", userId).getResultStream()
                .map(t -> new Session(t.getFamilyId(), t.getFamilyCreatedAt(), t.getExpiry(), t.getCreatedAt(), t.getUserAgent()))
                .toList();
    }

    /** Deletes up to {@code limit} expired tokens; returns how many. */
    public int deleteExpired(OffsetDateTime now, int limit) {
        return em.createNativeQuery("DELETE FROM refresh_tokens WHERE id IN "
                        + "(SELECT id FROM refresh_tokens WHERE expiry <= ?1 ORDER BY id FETCH FIRST " + limit + " ROWS ONLY)")
                .setParameter(1, now).executeUpdate();
    }

    /** Deletes up to {@code limit} remembered consumed tokens that have expired; returns how many. */
    public int deleteExpiredConsumed(OffsetDateTime now, int limit) {
        return em.createNativeQuery("DELETE FROM consumed_refresh_tokens WHERE token_hash IN "
                        + "(SELECT token_hash FROM consumed_refresh_tokens WHERE expiry <= ?1 ORDER BY token_hash FETCH FIRST "
                        + limit + " ROWS ONLY)")
                .setParameter(1, now).executeUpdate();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
