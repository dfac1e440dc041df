package com.mediahub.auth.control;

import java.util.Optional;
import java.util.Set;

import com.mediahub.users.entity.Role;

/**
 * The authenticated caller of the current request, whichever scheme proved it.
 *
 * @param sessionId the session (token family) of the access token used, {@code null} for Basic
 */
public record CallerIdentity(long id, String username, Set<String> roles, Long sessionId) {

    public CallerIdentity {
        roles = Set.copyOf(roles);
    }

    public CallerIdentity(long id, String username, Set<String> roles) {
        this(id, username, roles, null);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public Optional<Long> session() {
        return Optional.ofNullable(sessionId);
    }
}
