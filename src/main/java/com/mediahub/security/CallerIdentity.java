package com.mediahub.security;

import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller of the current request, whichever scheme proved it.
 *
 * @param sessionId  the session (token family) of the access token used, {@code null} for a password
 * @param credential what this very request proved: a password, or only an access token (which must
 *                   never be traded for a new session: security review item 1)
 */
public record CallerIdentity(long id, String username, Set<String> roles, Long sessionId, Credential credential) {

    /** What a request presented to authenticate. */
    public enum Credential {
        /** Basic, or the JSON login body: the password was checked in this request (or its cached check). */
        PASSWORD,
        /** A Bearer access token or the access-token cookie. */
        ACCESS_TOKEN
    }

    public CallerIdentity {
        roles = Set.copyOf(roles);
    }

    /** A caller proven by an access token of session {@code sessionId}. */
    public CallerIdentity(long id, String username, Set<String> roles, Long sessionId) {
        this(id, username, roles, sessionId, Credential.ACCESS_TOKEN);
    }

    /** A caller whose password was checked in this request. */
    public static CallerIdentity byPassword(long id, String username, Set<String> roles) {
        return new CallerIdentity(id, username, roles, null, Credential.PASSWORD);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean provedPassword() {
        return credential == Credential.PASSWORD;
    }

    public Optional<Long> session() {
        return Optional.ofNullable(sessionId);
    }
}
