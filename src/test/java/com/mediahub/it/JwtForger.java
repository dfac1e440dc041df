package com.mediahub.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;

/** Makes tokens the server must refuse (expired, alg none, wrong issuer...), knowing the test secret. */
public final class JwtForger {

    private JwtForger() {
    }

    public static JwtClaims claims(long userId, String username, String... groups) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("mediahub");
        claims.setSubject(Long.toString(userId));
        claims.setClaim("upn", username);
        claims.setStringListClaim("groups", groups);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setGeneratedJwtId();
        claims.setClaim("ver", 0);
        return claims;
    }

    public static JwtClaims expired(long userId, String username, String... groups) {
        JwtClaims claims = claims(userId, username, groups);
        claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().minusSeconds(600).getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(300).getEpochSecond()));
        return claims;
    }

    public static String sign(JwtClaims claims, String secret) {
        return sign(claims, AlgorithmIdentifiers.HMAC_SHA256, secret);
    }

    public static String sign(JwtClaims claims, String algorithm, String secret) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setHeader("typ", "at+jwt");
            if (AlgorithmIdentifiers.NONE.equals(algorithm)) {
                jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            } else {
                jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
            }
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
