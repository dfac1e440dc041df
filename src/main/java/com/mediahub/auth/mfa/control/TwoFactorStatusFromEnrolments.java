package com.mediahub.auth.mfa.control;

import com.mediahub.auth.mfa.entity.JpaTotpRepository;
import com.mediahub.users.control.TwoFactorStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@link TwoFactorStatus} from the enrolment and recovery-code tables. */
@ApplicationScoped
public class TwoFactorStatusFromEnrolments implements TwoFactorStatus {

    @Inject
    JpaTotpRepository repository;

    @Override
    public Summary of(long userId) {
        return repository.isConfirmed(userId) ? new Summary(true, repository.recoveryCodesLeft(userId)) : new Summary(false, 0);
    }
}
