package com.mediahub.auth.mfa.control;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.auth.mfa.entity.JpaTotpRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The second factor at sign-in, as the authentication mechanism asks it: whether a user needs
 * one, and whether a presented code is good (spending it). Throttling and the answer to the
 * client are the mechanism's.
 */
@ApplicationScoped
public class SecondFactorSignIn {

    @Inject
    JpaTotpRepository repository;
    @Inject
    SecondFactorCheck check;
    @Inject
    SecurityAudit audit;

    /** Whether signing in as this user needs a second factor (a confirmed TOTP enrolment). */
    public boolean required(long userId) {
        return repository.isConfirmed(userId);
    }

    /** Whether {@code code} is a good TOTP or recovery code of the user; a good one is spent. */
    @Transactional
    public boolean verify(long userId, String code) {
        SecondFactorCheck.Verdict verdict = repository.lock(userId).filter(e -> e.isConfirmed())
                .map(enrolment -> check.spend(enrolment, code)).orElse(SecondFactorCheck.Verdict.WRONG);
        if (verdict == SecondFactorCheck.Verdict.RECOVERY_CODE) {
            audit.record(AuditEvent.MFA_RECOVERY_CODE_USED, userId, null);
        }
        return verdict != SecondFactorCheck.Verdict.WRONG;
    }
}
