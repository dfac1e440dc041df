package com.mediahub.auth.control;

import java.util.Set;

import com.mediahub.users.entity.Role;

/** The authenticated caller of the current request, whichever scheme proved it. */
public record CallerIdentity(long id, String username, Set<String> roles) {

    public CallerIdentity {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
