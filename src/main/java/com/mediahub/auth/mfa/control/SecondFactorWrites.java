package com.mediahub.auth.mfa.control;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.auth.mfa.entity.JpaTotpRepository;
import com.mediahub.auth.mfa.entity.TotpEnrolment;
import com.mediahub.auth.session.control.SessionService;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;
import com.mediahub.users.entity.JpaUserRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The changes to a user's second factor, each one transaction under the enrolment's row lock:
 * start (or restart) a pending enrolment, confirm it, turn it off, replace the recovery codes, and
 * an admin's reset. The password checks happen before, outside any transaction
 * ({@link SecondFactorAccount}).
 */
@ApplicationScoped
@Transactional
public class SecondFactorWrites {

    @Inject
    Event<SecondFactorReset> resets;
    @Inject
    JpaTotpRepository repository;
    @Inject
    JpaUserRepository users;
    @Inject
    SecondFactorCheck check;
    @Inject
    RecoveryCodes recoveryCodes;
    @Inject
    SecretCipher cipher;
    @Inject
    SessionService sessions;
    @Inject
    SecurityAudit audit;
    @Inject
    Clock clock;

    /** Stores a new pending secret in place of any pending one; 409 when TOTP is already on. */
    public void startPending(long userId, byte[] secret) {
        String encrypted = cipher.encrypt(userId, secret);
        // A first enrolment has no row to lock yet: the user's row serialises two at once (a
        // double click, two tabs), so the second replaces the first instead of failing on the key.
        users.lockRow(userId);
        Optional<TotpEnrolment> existing = repository.lock(userId);
        if (existing.isEmpty()) {
            repository.add(new TotpEnrolment(userId, encrypted, now()));
        } else if (existing.get().isConfirmed()) {
            throw new ApiException(ErrorCatalogue.TOTP_ALREADY_ON);
        } else {
            existing.get().restart(encrypted, now());
        }
    }

    /**
     * Turns the pending enrolment on if {@code code} is its current code, and returns the new
     * recovery codes; empty when the code is wrong. 409 when nothing is pending. Every other
     * session of the user ends, and every access token issued before (the token version counts
     * up): they were signed in to with a password alone, perhaps by whoever the user now locks
     * out; so were password Basic successes a cache may remember. The caller's own session goes
     * on (it refreshes).
     */
    public Optional<List<String>> confirm(CallerIdentity caller, String code) {
        long userId = caller.id();
        users.lockRow(userId);
        TotpEnrolment pending = repository.lock(userId).filter(e -> !e.isConfirmed())
                .orElseThrow(() -> new ApiException(ErrorCatalogue.TOTP_NOTHING_PENDING));
        OptionalLong step = check.matchingStep(pending, code);
        if (step.isEmpty() || !check.spendStep(userId, step.getAsLong())) {
            return Optional.empty();
        }
        pending.confirm(now());
        List<String> codes = newRecoveryCodes(userId);
        sessions.endOtherSessions(caller);
        audit.record(AuditEvent.MFA_ENABLED, userId, null);
        return Optional.of(codes);
    }

    /** Turns TOTP off if {@code code} is a good TOTP or recovery code; whether it was. 409 when off. */
    public boolean disable(long userId, String code) {
        TotpEnrolment enrolment = confirmed(userId);
        if (!check.accepts(enrolment, code)) {
            return false;
        }
        repository.delete(userId);
        audit.record(AuditEvent.MFA_DISABLED, userId, null);
        return true;
    }

    /** A new set of recovery codes in place of the old, if {@code code} is good; empty when not. 409 when off. */
    public Optional<List<String>> replaceRecoveryCodes(long userId, String code) {
        TotpEnrolment enrolment = confirmed(userId);
        return check.accepts(enrolment, code) ? Optional.of(newRecoveryCodes(userId)) : Optional.empty();
    }

    /**
     * An admin removes a user's second factor (a lost phone) and ends all of the user's sessions:
     * whoever holds them may be who took the phone. Works whether TOTP was on or not.
     *
     * @return how many refresh tokens were revoked
     */
    public int reset(long userId) {
        int revoked = sessions.revokeAllOfUser(userId); // 404 for an unknown user
        repository.delete(userId);
        resets.fire(new SecondFactorReset(userId)); // app passwords end in this transaction too
        audit.record(AuditEvent.MFA_RESET, userId, null);
        return revoked;
    }

    private TotpEnrolment confirmed(long userId) {
        users.lockRow(userId);
        return repository.lock(userId).filter(TotpEnrolment::isConfirmed)
                .orElseThrow(() -> new ApiException(ErrorCatalogue.TOTP_NOT_ON));
    }

    private List<String> newRecoveryCodes(long userId) {
        List<String> codes = recoveryCodes.newSet();
        repository.replaceRecoveryCodes(userId, codes.stream()
                .map(code -> RecoveryCodes.hash(userId, RecoveryCodes.normalized(code).orElseThrow())).toList());
        return codes;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
