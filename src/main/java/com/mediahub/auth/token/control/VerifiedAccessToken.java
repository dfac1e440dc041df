package com.mediahub.auth.token.control;

import com.mediahub.security.CallerIdentity;

/**
 * An access token whose signature and claims checked out: who it names, and the user's token
 * version it was issued under (tokens of an older version were revoked by a password change,
 * logout-all or deletion).
 */
public record VerifiedAccessToken(CallerIdentity caller, int tokenVersion) {
}
