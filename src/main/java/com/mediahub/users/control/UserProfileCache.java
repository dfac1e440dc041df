package com.mediahub.users.control;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.mediahub.config.Settings;
import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.UserProfile;

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

    private record Entry(UserProfile profile, long loadedMillis) {
    }

    @Inject
    JpaUserRepository users;
    @Inject
    Settings settings;
    @Inject
    Clock clock;

    private final ConcurrentMap<Long, Entry> entries = new ConcurrentHashMap<>();

    public Optional<UserProfile> find(long id) {
        long now = clock.millis();
        Entry entry = entries.get(id);
        if (entry != null && now - entry.loadedMillis() < settings.userCacheTtl().toMillis()) {
            return Optional.of(entry.profile());
        }
        Optional<UserProfile> loaded = users.findById(id).map(UserProfile::of);
        loaded.ifPresentOrElse(p -> entries.put(id, new Entry(p, now)), () -> entries.remove(id));
        return loaded;
    }

    public void forget(long id) {
        entries.remove(id);
    }
}
