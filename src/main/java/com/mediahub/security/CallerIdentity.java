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
        /** The password and a second factor (a TOTP code or a recovery code), both checked in this request. */
        PASSWORD_AND_SECOND_FACTOR,
        /** A Bearer access token or the access-token cookie. */
        ACCESS_TOKEN,
        /** Basic with an app password (issue 19): never a session, never an account-security change. */
        APP_PASSWORD
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

    /** A caller who presented one of their app passwords. */
    public static CallerIdentity byAppPassword(long id, String username, Set<String> roles) {
        return new CallerIdentity(id, username, roles, null, Credential.APP_PASSWORD);
    }

    /** A caller who has just proven both their password and their second factor. */
    public CallerIdentity withSecondFactor() {
        return new CallerIdentity(id, username, roles, null, Credential.PASSWORD_AND_SECOND_FACTOR);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean provedPassword() {
        return credential == Credential.PASSWORD || credential == Credential.PASSWORD_AND_SECOND_FACTOR;
    }

    /**
     * How this request proved the caller, as RFC 8176 authentication method references separated
     * by spaces: {@code pwd}, or {@code pwd otp} with a second factor (a recovery code is a
     * one-time password too). Empty for an access token, which carries its login's own values, and for an app password,
     * which makes no session.
     */
    public Optional<String> authenticationMethods() {
        return switch (credential) {
            case PASSWORD -> Optional.of("pwd");
            case PASSWORD_AND_SECOND_FACTOR -> Optional.of("pwd otp");
            case ACCESS_TOKEN, APP_PASSWORD -> Optional.empty();
        };
    }

    public Optional<Long> session() {
        return Optional.ofNullable(sessionId);
    }
}
