package com.mediahub.auth.mfa.entity;

import java.util.Collection;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The second factor's rows, through JPA, in the caller's transaction. Spending a step or a code
 * is decided under the enrolment's row lock ({@link #lock}), so that of two concurrent sign-ins
 * with one code exactly one finds it unspent, on any number of instances.
 */
@ApplicationScoped
public class JpaTotpRepository {

    @PersistenceContext(unitName = "mediahub")
    EntityManager em;

    public Optional<TotpEnrolment> find(long userId) {
        return Optional.ofNullable(em.find(TotpEnrolment.class, userId));
    }

    /** The enrolment, locked until the transaction ends (SELECT ... FOR UPDATE). */
    public Optional<TotpEnrolment> lock(long userId) {
        return Optional.ofNullable(em.find(TotpEnrolment.class, userId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Whether the user has a confirmed enrolment: one primary-key lookup, no entity loaded. */
    public boolean isConfirmed(long userId) {
        return !em.createNativeQuery("SELECT 1 FROM totp_enrolments WHERE user_id = ?1 AND confirmed_at IS NOT NULL")
                .setParameter(1, userId).getResultList().isEmpty();
    }

    public void add(TotpEnrolment enrolment) {
        em.persist(enrolment);
    }

    /** Deletes the enrolment, and with it (cascade) its spent steps and recovery codes; whether there was one. */
    public boolean delete(long userId) {
        return em.createNativeQuery("DELETE FROM totp_enrolments WHERE user_id = ?1").setParameter(1, userId)
                .executeUpdate() > 0;
    }

    /**
     * Marks the step's code as used, unless it already was; forgets the user's steps before
     * {@code forgetBefore}, which are outside every window. Call with the enrolment locked.
     *
     * @return whether this call spent it
     */
    public boolean spendStep(long userId, long step, long forgetBefore) {
        em.createNativeQuery("DELETE FROM totp_spent_steps WHERE user_id = ?1 AND step < ?2")
                .setParameter(1, userId).setParameter(2, forgetBefore).executeUpdate();
        boolean spent = !em.createNativeQuery("SELECT 1 FROM totp_spent_steps WHERE user_id = ?1 AND step = ?2")
                .setParameter(1, userId).setParameter(2, step).getResultList().isEmpty();
        if (spent) {
            return false;
        }
        em.createNativeQuery("INSERT INTO totp_spent_steps (user_id, step) VALUES (?1, ?2)")
                .setParameter(1, userId).setParameter(2, step).executeUpdate();
        return true;
    }

    /** The user's recovery codes become exactly these hashes. */
    public void replaceRecoveryCodes(long userId, Collection<String> hashes) {
        em.createNativeQuery("DELETE FROM recovery_codes WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
        for (String hash : hashes) {
            em.createNativeQuery("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?1, ?2)")
                    .setParameter(1, userId).setParameter(2, hash).executeUpdate();
        }
    }

    /** Deletes the code with this hash; whether it was there (the row count decides, once). */
    public boolean spendRecoveryCode(long userId, String hash) {
        return em.createNativeQuery("DELETE FROM recovery_codes WHERE user_id = ?1 AND code_hash = ?2")
                .setParameter(1, userId).setParameter(2, hash).executeUpdate() == 1;
    }

    public int recoveryCodesLeft(long userId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?1")
                .setParameter(1, userId).getSingleResult()).intValue();
    }
}
