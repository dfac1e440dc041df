package com.mediahub.users.entity;

import java.time.OffsetDateTime;
import java.util.Set;

/** What {@code GET /api/users/me} shows of a user; an immutable copy, safe to cache. */
public record UserProfile(long id, String username, Set<String> roles, OffsetDateTime createdAt) {

    public UserProfile {
        roles = Set.copyOf(roles);
    }

    public static UserProfile of(User user) {
        return new UserProfile(user.getId(), user.getUsername(), user.getRoles(), user.getCreatedAt());
    }
}
