package com.mediahub.auth.token.control;

import java.time.Clock;
import java.util.Optional;

import com.mediahub.config.Settings;
import com.mediahub.platform.time.ExpiringAnswers;
import com.mediahub.users.control.UserCaches;
import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.events.PasswordChanged;
import com.mediahub.users.events.UserDeleted;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Decides whether an access token is still good without a database round-trip on every Bearer
 * request. Each user has a token version, counted up by a password change or logout-all; every
 * access token carries the version it was issued under, and a token of an older version, or of
 * a deleted user, is refused.
 *
 * <p>The version read from the database is trusted for {@code [auth] user_cache_seconds}
 * (default 5), then read again. The instance that changes a version or deletes a user updates
 * its cache at once; other instances sharing the database follow within that bound.
 */
@ApplicationScoped
public class TokenVersionCache {

    @Inject
    JpaUserRepository users;
    @Inject
    UserCaches caches;

    /** Per user id: the token version, or empty for a user that does not exist. */
    private ExpiringAnswers<Long, Optional<Integer>> versions;

    public TokenVersionCache() {
    }

    /** For unit tests: a cache without CDI. */
    public TokenVersionCache(JpaUserRepository users, Settings settings, Clock clock) {
        this.users = users;
        this.versions = new ExpiringAnswers<>(clock, settings::userCacheTtl);
    }

    @PostConstruct
    void init() {
        versions = caches.newCache();
    }

    public boolean accepts(long userId, int tokenVersion) {
        return current(userId).filter(current -> tokenVersion >= current).isPresent();
    }

    /** The user's token version as this instance knows it, or empty for a user that does not exist. */
    public Optional<Integer> current(long userId) {
        return versions.get(userId, users::tokenVersion);
    }

    /**
     * A password change on this instance counted the version up. Taken once its transaction
     * committed: a change that rolled back must not leave this instance refusing valid tokens.
     */
    void onPasswordChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasswordChanged changed) {
        versionChanged(changed.userId(), changed.newTokenVersion());
    }

    void onTokenVersionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenVersionChanged changed) {
        versionChanged(changed.userId(), changed.newTokenVersion());
    }

    void onUserDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserDeleted deleted) {
        versions.putForever(deleted.userId(), Optional.empty());
    }

    /** After this instance changed the user's version: trust the new one at once. */
    public void versionChanged(long userId, int newVersion) {
        versions.put(userId, Optional.of(newVersion));
    }
}
