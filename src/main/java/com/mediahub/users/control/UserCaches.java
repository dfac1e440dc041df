package com.mediahub.users.control;

import java.time.Clock;

import com.mediahub.config.Settings;
import com.mediahub.platform.time.ExpiringAnswers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Makes the caches of what the database says about a user (token versions, profiles): each
 * trusts an answer for {@code [auth] user_cache_seconds}, the staleness bound of the security
 * model, on the application clock.
 */
@ApplicationScoped
public class UserCaches {

    @Inject
    Settings settings;
    @Inject
    Clock clock;

    public <V> ExpiringAnswers<Long, V> newCache() {
        return new ExpiringAnswers<>(clock, settings::userCacheTtl);
    }
}
