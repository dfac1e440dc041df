package com.mediahub.auth.control;

import org.jose4j.jwt.JwtClaims;

/** A complete, valid claim set of one of our access tokens, for tests that sign their own tokens. */
final class TestClaims {

    private TestClaims() {
    }

    /** User 7, "alice", issued now, expiring in 5 minutes, token version 0. */
    static JwtClaims alice(String... groups) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("mediahub");
        claims.setSubject("7");
        claims.setClaim("upn", "alice");
        claims.setStringListClaim("groups", groups);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setGeneratedJwtId();
        claims.setClaim("ver", 0);
        return claims;
    }
}
