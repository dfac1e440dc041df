package com.mediahub.auth.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.mediahub.auth.token.keys.PemKeys;
import com.mediahub.auth.token.keys.SigningAlgorithm;
import com.mediahub.auth.token.keys.SigningKeys;
import com.mediahub.auth.token.keys.SigningSecret;
import com.mediahub.auth.token.keys.TestKeys;
import com.mediahub.config.Settings;
import com.mediahub.it.JwtForger;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;

/** ES256 and RS256: kid, previous keys, and no algorithm confusion in either direction. */
class AsymmetricTokenTest {

    private static final Settings SETTINGS = Settings.defaults();
    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    private final CallerIdentity alice = new CallerIdentity(7, "alice", Set.of("user"), 42L);

    static SigningKeys keys(SigningAlgorithm algorithm, KeyPair current, KeyPair... previous) {
        return SigningKeys.asymmetric(algorithm, material(current),
                java.util.Arrays.stream(previous).map(p -> new PemKeys.Material(null, p.getPublic())).toList(), "test", false);
    }

    private static PemKeys.Material material(KeyPair pair) {
        return new PemKeys.Material(pair.getPrivate(), pair.getPublic());
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    private static void assertInvalid(AccessTokenService service, String token) {
        assertEquals(ErrorCatalogue.TOKEN_INVALID, assertThrows(TokenRejectedException.class, () -> service.verify(token)).error());
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "RS256"})
    void tokensCarryAlgAndKidAndVerify(SigningAlgorithm algorithm) throws Exception {
        SigningKeys keys = keys(algorithm, TestKeys.pair(algorithm));
        AccessTokenService service = new AccessTokenService(SETTINGS, keys, Clock.systemUTC());
        String token = service.issue(alice, 0, Instant.now());
        assertEquals("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\",\"kid\":\"" + keys.kid() + "\"}", header(token));
        assertEquals(alice, service.verify(token).caller());
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "RS256"})
    void previousKeysVerifyUntilTheyAreRemoved(SigningAlgorithm algorithm) throws Exception {
        KeyPair one = TestKeys.pair(algorithm);
        KeyPair two = TestKeys.pair(algorithm);
        String signedByOne = new AccessTokenService(SETTINGS, keys(algorithm, one), Clock.systemUTC()).issue(alice, 0, Instant.now());
        AccessTokenService rotated = new AccessTokenService(SETTINGS, keys(algorithm, two, one), Clock.systemUTC());
        assertEquals(alice, rotated.verify(signedByOne).caller());
        assertEquals(alice, rotated.verify(rotated.issue(alice, 0, Instant.now())).caller());
        assertInvalid(new AccessTokenService(SETTINGS, keys(algorithm, two), Clock.systemUTC()), signedByOne);
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "RS256"})
    void noAlgorithmConfusion(SigningAlgorithm algorithm) throws Exception {
        KeyPair pair = TestKeys.pair(algorithm);
        SigningKeys keys = keys(algorithm, pair);
        AccessTokenService asymmetric = new AccessTokenService(SETTINGS, keys, Clock.systemUTC());
        AccessTokenService hs256 = new AccessTokenService(SETTINGS, new SigningSecret(SECRET, "test"), Clock.systemUTC());

        // The classic attack: HS256 keyed with the public key's bytes, which anyone can fetch.
        String confused = sign(claims(), AlgorithmIdentifiers.HMAC_SHA256, keys.kid(),
                new HmacKey(pair.getPublic().getEncoded()));
        assertInvalid(asymmetric, confused);
        assertInvalid(asymmetric, hs256.issue(alice, 0, Instant.now()));
        assertInvalid(hs256, asymmetric.issue(alice, 0, Instant.now()));

        SigningAlgorithm other = algorithm == SigningAlgorithm.ES256 ? SigningAlgorithm.RS256 : SigningAlgorithm.ES256;
        assertInvalid(asymmetric, new AccessTokenService(SETTINGS, keys(other, TestKeys.pair(other)), Clock.systemUTC()).issue(alice, 0, Instant.now()));
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "RS256"})
    void unknownOrMissingKidAndEmbeddedKeysAreRefused(SigningAlgorithm algorithm) throws Exception {
        KeyPair ours = TestKeys.pair(algorithm);
        KeyPair attackers = TestKeys.pair(algorithm);
        SigningKeys keys = keys(algorithm, ours);
        AccessTokenService service = new AccessTokenService(SETTINGS, keys, Clock.systemUTC());

        assertInvalid(service, sign(claims(), algorithm.joseName(), "not-our-kid", attackers.getPrivate()));
        assertInvalid(service, sign(claims(), algorithm.joseName(), null, ours.getPrivate()));
        // The attacker's key in a jwk header, with our kid: the header is never used as a key.
        JsonWebSignature jws = jws(claims(), algorithm.joseName(), keys.kid(), attackers.getPrivate());
        jws.setJwkHeader(PublicJsonWebKey.Factory.newPublicJwk(attackers.getPublic()));
        assertInvalid(service, jws.getCompactSerialization());
        assertEquals(alice.id(), service.verify(sign(claims(), algorithm.joseName(), keys.kid(), ours.getPrivate())).caller().id());
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "RS256"})
    void theConfiguredAudienceIsIssuedAndRequired(SigningAlgorithm algorithm) throws Exception {
        KeyPair pair = TestKeys.pair(algorithm);
        Settings withAudience = Settings.from(com.mediahub.config.ConfigFile.parse(java.nio.file.Path.of("config.toml"),
                "[jwt]\naudience = \"media-services\"\n"));
        AccessTokenService service = new AccessTokenService(withAudience, keys(algorithm, pair), Clock.systemUTC());
        String token = service.issue(alice, 0, Instant.now());
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertEquals(List.of("media-services"), JwtClaims.parse(payload).getAudience());
        assertEquals(alice, service.verify(token).caller());
        assertInvalid(service, new AccessTokenService(SETTINGS, keys(algorithm, pair), Clock.systemUTC()).issue(alice, 0, Instant.now()));
    }

    private static JwtClaims claims() {
        return JwtForger.claims(7, "alice", "user");
    }

    private static JsonWebSignature jws(JwtClaims claims, String algorithm, String kid, java.security.Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setKey(key);
        return jws;
    }

    private static String sign(JwtClaims claims, String algorithm, String kid, java.security.Key key) throws Exception {
        return jws(claims, algorithm, kid, key).getCompactSerialization();
    }
}
