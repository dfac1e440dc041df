package com.mediahub.auth.password.control;

import java.util.function.BooleanSupplier;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.users.control.PasswordGuessLimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The password-change check of the current password, under the same counters as a login. */
@ApplicationScoped
public class ThrottledPasswordGuess implements PasswordGuessLimit {

    @Inject
    LoginThrottle throttle;
    @Inject
    SecurityAudit audit;

    @Override
    public boolean check(long userId, String username, String clientAddress, BooleanSupplier check) {
        LoginThrottle.Attempt attempt = throttle.reserve(username, clientAddress);
        if (attempt.blocked()) {
            audit.record(AuditEvent.LOGIN_THROTTLED, userId, null);
            throw ApiException.retryAfter(ErrorCatalogue.TOO_MANY_ATTEMPTS, attempt.retryAfter().get().toSeconds() + 1);
        }
        return throttle.check(attempt, check::getAsBoolean, Boolean::booleanValue);
    }
}
