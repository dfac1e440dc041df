package com.mediahub.auth.mfa.control;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.auth.mfa.entity.JpaTotpRepository;
import com.mediahub.auth.mfa.entity.TotpEnrolment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Spends a second factor of a confirmed, locked enrolment: a TOTP code of the current step or one
 * either side whose step was not used yet, or an unused recovery code. Each works once: the
 * enrolment's row lock, held by the caller's transaction, serialises concurrent attempts.
 */
@ApplicationScoped
public class SecondFactorCheck {

    private static final Logger LOG = Logger.getLogger(SecondFactorCheck.class.getName());

    /** What a presented code turned out to be. */
    public enum Verdict { TOTP, RECOVERY_CODE, WRONG }

    @Inject
    JpaTotpRepository repository;
    @Inject
    TotpCodes totp;
    @Inject
    SecretCipher cipher;
    @Inject
    SecurityAudit audit;
    @Inject
    Clock clock;

    /**
     * Whether {@code code} is a good TOTP or recovery code of the enrolment, which spends it; a
     * recovery code spent is audited. Call inside a transaction that holds the enrolment's lock.
     */
    boolean accepts(TotpEnrolment enrolment, String code) {
        Verdict verdict = spend(enrolment, code);
        if (verdict == Verdict.RECOVERY_CODE) {
            audit.record(AuditEvent.MFA_RECOVERY_CODE_USED, enrolment.getUserId(), null);
        }
        return verdict != Verdict.WRONG;
    }

    /** Call inside a transaction that holds {@code enrolment}'s lock. */
    Verdict spend(TotpEnrolment enrolment, String code) {
        if (TotpCodes.wellFormed(code)) {
            OptionalLong step = matchingStep(enrolment, code);
            return step.isPresent() && spendStep(enrolment.getUserId(), step.getAsLong()) ? Verdict.TOTP : Verdict.WRONG;
        }
        Optional<String> recovery = RecoveryCodes.normalized(code);
        if (recovery.isPresent()
                && repository.spendRecoveryCode(enrolment.getUserId(), RecoveryCodes.hash(enrolment.getUserId(), recovery.get()))) {
            return Verdict.RECOVERY_CODE;
        }
        return Verdict.WRONG;
    }

    /** The step a TOTP code belongs to, for the enrolment's secret; empty when it is none of the window's. */
    OptionalLong matchingStep(TotpEnrolment enrolment, String code) {
        byte[] secret;
        try {
            secret = cipher.decrypt(enrolment.getUserId(), enrolment.getEncryptedSecret());
        } catch (SecretCipher.Unreadable unreadable) {
            // The MFA key changed or the row was altered: no TOTP code can match. Recovery codes
            // still work, and an admin can reset the user (docs/operations.md).
            LOG.warning(() -> "The TOTP secret of user " + enrolment.getUserId() + " cannot be read: "
                    + unreadable.getMessage() + ". Is FDB_MFA_KEY the same on every instance?");
            return OptionalLong.empty();
        }
        return totp.matchingStep(secret, code, clock.instant());
    }

    /**
     * Spent steps are kept this long past the window: instances whose clocks differ by up to ten
     * minutes still see each other's (forgetting a step another instance accepts would let its
     * code work twice).
     */
    static final int STEPS_KEPT_BEYOND_WINDOW = 20;

    /** Marks the step used; false when it already was (a replay). */
    boolean spendStep(long userId, long step) {
        return repository.spendStep(userId, step,
                TotpCodes.stepOf(clock.instant()) - TotpCodes.WINDOW - STEPS_KEPT_BEYOND_WINDOW);
    }
}
