package com.mediahub.auth.control;

/**
 * An access token whose signature and claims checked out: who it names, and the user's token
 * version it was issued under (tokens of an older version were revoked by a password change,
 * logout-all or deletion).
 */
public record VerifiedAccessToken(CallerIdentity caller, int tokenVersion) {
}
