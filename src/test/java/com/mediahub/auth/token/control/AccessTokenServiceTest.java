package com.mediahub.auth.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import com.mediahub.auth.session.control.RefreshTokens;
import com.mediahub.auth.token.keys.SigningKeys;
import com.mediahub.auth.token.keys.SigningSecret;
import com.mediahub.config.Settings;
import com.mediahub.it.JwtForger;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;

class AccessTokenServiceTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    private static final Settings SETTINGS = Settings.defaults().withBcryptCost(4);
    private final AccessTokenService service = new AccessTokenService(SETTINGS, new SigningSecret(SECRET, "test"), Clock.systemUTC());
    private final CallerIdentity alice = new CallerIdentity(7, "alice", Set.of("user", "admin"), 42L);

    @Test
    void issuedTokensVerifyToTheSameCaller() throws Exception {
        assertEquals(new VerifiedAccessToken(alice, 3), service.verify(service.issue(alice, 3, Instant.now())));
    }

    @Test
    void headerAndClaimsFollowTheContract() throws Exception {
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        String token = service.issue(alice, 3, now);
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        assertEquals("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\""
                + SigningKeys.hmac(new SigningSecret(SECRET, "test")).kid() + "\"}", header);
        JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertEquals("mediahub", claims.getIssuer());
        assertEquals("7", claims.getSubject());
        assertEquals("alice", claims.getStringClaimValue("upn"));
        assertEquals(List.of("admin", "user"), claims.getStringListClaimValue("groups"));
        assertEquals(now.getEpochSecond(), claims.getIssuedAt().getValue());
        assertEquals(now.plusSeconds(300).getEpochSecond(), claims.getExpirationTime().getValue());
        assertEquals(36, claims.getJwtId().length());
        assertEquals(42L, claims.getClaimValue("sid", Long.class));
        assertEquals(3L, claims.getClaimValue("ver", Long.class));
    }

    @Test
    void tokensFromBeforeKidsStillVerifyButAnUnknownKidIsRefused() throws Exception {
        assertEquals(7L, service.verify(sign(claims(), AlgorithmIdentifiers.HMAC_SHA256, "at+jwt", SECRET)).caller().id());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "at+jwt");
        jws.setKeyIdHeaderValue("some-other-key");
        jws.setKey(new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertRejected(ErrorCatalogue.TOKEN_INVALID, jws.getCompactSerialization());
    }

    @Test
    void expiredBeyondTheSkewIsExpired() {
        String token = service.issue(alice, 0, Instant.now().minus(Duration.ofMinutes(5)).minusSeconds(61));
        assertRejected(ErrorCatalogue.TOKEN_EXPIRED, token);
    }

    @Test
    void expiredWithinTheSkewIsStillAccepted() throws Exception {
        String token = service.issue(alice, 0, Instant.now().minus(Duration.ofMinutes(5)).minusSeconds(30));
        assertEquals(alice, service.verify(token).caller());
    }

    @Test
    void otherAlgorithmsAreRefusedEvenWithTheSameKey() throws Exception {
        String hs512 = sign(claims(), AlgorithmIdentifiers.HMAC_SHA512, "at+jwt", SECRET + SECRET);
        assertRejected(ErrorCatalogue.TOKEN_INVALID, hs512);
    }

    @Test
    void algNoneIsRefused() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setHeader("typ", "at+jwt");
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        assertRejected(ErrorCatalogue.TOKEN_INVALID, jws.getCompactSerialization());
    }

    @Test
    void wrongKeyWrongIssuerWrongTypeAndGarbageAreInvalid() throws Exception {
        assertRejected(ErrorCatalogue.TOKEN_INVALID, sign(claims(), AlgorithmIdentifiers.HMAC_SHA256, "at+jwt", "another-secret-another-secret-another"));
        JwtClaims otherIssuer = claims();
        otherIssuer.setIssuer("someone-else");
        assertRejected(ErrorCatalogue.TOKEN_INVALID, sign(otherIssuer, AlgorithmIdentifiers.HMAC_SHA256, "at+jwt", SECRET));
        assertRejected(ErrorCatalogue.TOKEN_INVALID, sign(claims(), AlgorithmIdentifiers.HMAC_SHA256, "JWT", SECRET));
        assertRejected(ErrorCatalogue.TOKEN_INVALID, sign(claims(), AlgorithmIdentifiers.HMAC_SHA256, null, SECRET));
        assertRejected(ErrorCatalogue.TOKEN_INVALID, "not-a-jwt");
        assertRejected(ErrorCatalogue.TOKEN_INVALID, RefreshTokens.generate(new java.security.SecureRandom()));
    }

    @Test
    void expiredTokenWithABadSignatureIsInvalidNotExpired() throws Exception {
        JwtClaims old = claims();
        old.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(3600).getEpochSecond()));
        assertRejected(ErrorCatalogue.TOKEN_INVALID, sign(old, AlgorithmIdentifiers.HMAC_SHA256, "at+jwt", "another-secret-another-secret-another"));
    }

    @Test
    void tamperedPayloadIsInvalid() {
        String[] parts = service.issue(alice, 0, Instant.now()).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"sub\":\"7\"", "\"sub\":\"1\"").getBytes(StandardCharsets.UTF_8));
        assertRejected(ErrorCatalogue.TOKEN_INVALID, parts[0] + "." + forged + "." + parts[2]);
    }

    private static JwtClaims claims() {
        return JwtForger.claims(7, "alice", "user");
    }

    private static String sign(JwtClaims claims, String algorithm, String type, String secret) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        if (type != null) {
            jws.setHeader("typ", type);
        }
        jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        return jws.getCompactSerialization();
    }

    private void assertRejected(ErrorCatalogue expected, String token) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> service.verify(token));
        assertEquals(expected, e.error());
    }
}
