package com.mediahub.users.control;

import java.util.Optional;

import com.mediahub.platform.time.ExpiringAnswers;
import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.UserProfile;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Serves {@code GET /api/users/me} without a database round-trip: the benchmark showed that
 * query, not authentication, was most of the endpoint's cost. A profile is kept for
 * {@code [auth] user_cache_seconds} (the staleness bound of the security model). It decides
 * nothing about access: a deleted user's or a revoked token never gets this far.
 */
@ApplicationScoped
public class UserProfileCache {

    @Inject
    JpaUserRepository users;
    @Inject
    UserCaches caches;

    private ExpiringAnswers<Long, Optional<UserProfile>> profiles;

    @PostConstruct
    void init() {
        profiles = caches.newCache();
    }

    public Optional<UserProfile> find(long id) {
        Optional<UserProfile> profile = profiles.get(id, key -> users.findById(key).map(UserProfile::of));
        if (profile.isEmpty()) {
            profiles.forget(id); // "no such user" is not remembered: only profiles are
        }
        return profile;
    }

    public void forget(long id) {
        profiles.forget(id);
    }
}
