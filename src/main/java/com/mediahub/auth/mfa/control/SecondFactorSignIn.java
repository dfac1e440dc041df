package com.mediahub.auth.mfa.control;

import com.mediahub.auth.mfa.entity.JpaTotpRepository;
import com.mediahub.auth.mfa.entity.TotpEnrolment;

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

    /** Whether signing in as this user needs a second factor (a confirmed TOTP enrolment). */
    public boolean required(long userId) {
        return repository.isConfirmed(userId);
    }

    /** Whether {@code code} is a good TOTP or recovery code of the user; a good one is spent. */
    @Transactional
    public boolean verify(long userId, String code) {
        return repository.lock(userId).filter(TotpEnrolment::isConfirmed)
                .map(enrolment -> check.accepts(enrolment, code)).orElse(false);
    }
}
