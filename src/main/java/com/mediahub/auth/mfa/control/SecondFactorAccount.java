package com.mediahub.auth.mfa.control;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.mediahub.auth.mfa.entity.JpaTotpRepository;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;
import com.mediahub.users.control.PasswordGuessLimit;
import com.mediahub.users.control.UserService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a signed-in user does with their second factor (issue 18). The password, where asked
 * again, and every code are checked under the login throttle: a stolen access token must not
 * give unlimited guesses at either. Password checks (bcrypt) run outside any transaction; the
 * changes are {@link SecondFactorWrites}.
 */
@ApplicationScoped
public class SecondFactorAccount {

    @Inject
    SecondFactorWrites writes;
    @Inject
    JpaTotpRepository repository;
    @Inject
    TotpCodes totp;
    @Inject
    UserService users;
    @Inject
    PasswordGuessLimit guessLimit;

    /** Starts (or restarts) an enrolment after the password is proven again: what the user scans. */
    public Enrolment enrol(CallerIdentity caller, String password, String clientAddress) {
        if (repository.isConfirmed(caller.id())) {
            throw new ApiException(ErrorCatalogue.TOTP_ALREADY_ON); // before a bcrypt that would change nothing
        }
        users.confirmPassword(caller.id(), password, clientAddress);
        byte[] secret = totp.newSecret();
        writes.startPending(caller.id(), secret);
        return Enrolment.of(caller.username(), secret);
    }

    /** Turns the pending enrolment on with a code from the app; the recovery codes, shown once. */
    public List<String> confirm(CallerIdentity caller, String code, String clientAddress) {
        return guarded(caller, clientAddress, () -> writes.confirm(caller, code));
    }

    /** Turns TOTP off: the password and a TOTP or recovery code. Nothing changes when either is wrong. */
    public void disable(CallerIdentity caller, String password, String code, String clientAddress) {
        if (!repository.isConfirmed(caller.id())) {
            throw new ApiException(ErrorCatalogue.TOTP_NOT_ON);
        }
        users.confirmPassword(caller.id(), password, clientAddress);
        guarded(caller, clientAddress, () -> writes.disable(caller.id(), code) ? Optional.of(true) : Optional.empty());
    }

    /** A new set of recovery codes in place of the old, with a TOTP or recovery code. */
    public List<String> replaceRecoveryCodes(CallerIdentity caller, String code, String clientAddress) {
        return guarded(caller, clientAddress, () -> writes.replaceRecoveryCodes(caller.id(), code));
    }

    /** Runs a code check under the throttle: 403 when the code is wrong, 429 when throttled. */
    private <T> T guarded(CallerIdentity caller, String clientAddress, Supplier<Optional<T>> check) {
        AtomicReference<Optional<T>> result = new AtomicReference<>(Optional.empty());
        boolean right = guessLimit.check(caller.id(), caller.username(), clientAddress, () -> {
            result.set(check.get());
            return result.get().isPresent();
        });
        if (!right) {
            throw new ApiException(ErrorCatalogue.CODE_WRONG);
        }
        return result.get().get();
    }
}
