package com.mediahub.users.control;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.events.PasswordChanged;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The writes of a password change, in one transaction (contract 3.7): the new hash, every
 * refresh token of the user deleted, and the token version counted up so that access tokens
 * issued before stop working. The hash is made by the caller, outside the transaction.
 */
@ApplicationScoped
public class PasswordReplacement {

    @Inject
    JpaUserRepository users;
    @Inject
    Event<PasswordChanged> passwordChanged;
    @Inject
    SecurityAudit audit;

    /** Returns how many refresh tokens were revoked. */
    @Transactional
    public int replace(long userId, String newHash) {
        return replace(userId, newHash, AuditEvent.PASSWORD_CHANGED);
    }

    /** The same, audited as {@code why}: a change through the API, or a reset at start-up. (A call
     *  from the method above runs in its transaction: a self-call passes no interceptor.) */
    @Transactional
    public int replace(long userId, String newHash, AuditEvent why) {
        users.updatePasswordHash(userId, newHash);
        PasswordChanged changed = new PasswordChanged(userId, users.bumpTokenVersion(userId));
        passwordChanged.fire(changed); // authentication revokes the sessions, in this transaction
        audit.record(why, userId, null);
        return changed.revokedRefreshTokens().get();
    }
}
