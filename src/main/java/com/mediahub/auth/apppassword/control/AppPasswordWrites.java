package com.mediahub.auth.apppassword.control;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.auth.apppassword.entity.AppPassword;
import com.mediahub.auth.apppassword.entity.JpaAppPasswordRepository;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;
import com.mediahub.users.entity.JpaUserRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The changes to app passwords, each one transaction. Password checks happen before, outside. */
@ApplicationScoped
@Transactional
public class AppPasswordWrites {

    /** Enough for every script of a person; a ceiling so that a stolen session cannot fill the table. */
    static final int MAX_PER_USER = 50;

    @Inject
    JpaAppPasswordRepository repository;
    @Inject
    JpaUserRepository users;
    @Inject
    SecurityAudit audit;
    @Inject
    Clock clock;

    /**
     * Stores a new app password of the caller under its hash. The user's row is locked first, so
     * that parallel creations cannot pass the ceiling together, and the token version must still be
     * the one read before the password was checked: a password change or a second-factor reset
     * that committed meanwhile ended every app password, and must end this one too (409).
     */
    public AppPassword create(CallerIdentity caller, NewAppPassword request, String hash, int tokenVersionBefore) {
        long userId = caller.id();
        users.lockRow(userId);
        int tokenVersion = users.tokenVersion(userId).orElseThrow(() -> new ApiException(ErrorCatalogue.USER_NOT_FOUND));
        if (tokenVersion != tokenVersionBefore) {
            throw new ApiException(ErrorCatalogue.APP_PASSWORD_ACCOUNT_CHANGED);
        }
        if (repository.countOfUser(userId) >= MAX_PER_USER) {
            throw new ApiException(ErrorCatalogue.APP_PASSWORD_LIMIT, MAX_PER_USER);
        }
        AppPassword created = repository.add(new AppPassword(userId, request.name(), request.readOnly(), hash, now()));
        audit.record(AuditEvent.APP_PASSWORD_CREATED, caller);
        return created;
    }

    /**
     * Deletes the user's app password {@code id}; the hash it had (404 when there is none). The
     * audit line carries the caller's session when the user revokes their own.
     */
    public String revoke(CallerIdentity caller, long userId, long id) {
        String hash = repository.delete(userId, id).orElseThrow(() -> new ApiException(ErrorCatalogue.APP_PASSWORD_NOT_FOUND));
        audit.record(AuditEvent.APP_PASSWORD_REVOKED, userId, caller.id() == userId ? caller.sessionId() : null);
        return hash;
    }

    /** Deletes every app password of the user, in the caller's transaction if there is one; how many. */
    public int revokeAll(long userId) {
        int revoked = repository.deleteAllOf(userId);
        if (revoked > 0) {
            audit.record(AuditEvent.APP_PASSWORD_REVOKED, userId, null);
        }
        return revoked;
    }

    /** Writes a use at {@code nowMillis}, unless one less than {@code everyMillis} old is written. */
    public void recordUse(long id, long nowMillis, long everyMillis) {
        repository.recordUse(id, at(nowMillis), at(nowMillis - everyMillis));
    }

    /** To the microsecond, as PostgreSQL keeps it: the answer shows what the list will show. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime at(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
    }
}
