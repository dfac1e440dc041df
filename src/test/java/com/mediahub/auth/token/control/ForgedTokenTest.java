package com.mediahub.auth.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mediahub.auth.token.keys.SigningSecret;
import com.mediahub.config.Settings;
import com.mediahub.it.JwtForger;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;

/**
 * Forged access tokens (RFC 8725 attacks) are all refused with {@code Invalid token}; the clock
 * skew allowed on {@code exp}, {@code nbf} and {@code iat} is 60 seconds.
 */
class ForgedTokenTest {

    private static final String SECRET = "forged-token-test-secret-0123456789abcdef";
    private final AccessTokenService service = new AccessTokenService(Settings.defaults(), new SigningSecret(SECRET, "test"), Clock.systemUTC());
    private final String valid = service.issue(new CallerIdentity(7, "alice", Set.of("user"), 1L), 0, Instant.now());

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JwtClaims claims() {
        return JwtForger.claims(7, "alice", "admin", "user");
    }

    private static String sign(JwtClaims claims, String secret, String... headers) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "at+jwt");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            jws.setHeader(headers[i], headers[i + 1]);
        }
        jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        return jws.getCompactSerialization();
    }

    private void assertInvalid(String token) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> service.verify(token));
        assertEquals(ErrorCatalogue.TOKEN_INVALID, e.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void algNoneInAnyCaseIsRefused(String none) {
        String payload = valid.split("\\.")[1];
        assertInvalid(b64("{\"alg\":\"" + none + "\",\"typ\":\"at+jwt\"}") + "." + payload + ".");
        assertInvalid(b64("{\"alg\":\"" + none + "\",\"typ\":\"at+jwt\"}") + "." + payload + "." + valid.split("\\.")[2]);
    }

    @Test
    void strippedSignatureAndWrongSegmentCountsAreRefused() {
        String[] parts = valid.split("\\.");
        assertInvalid(parts[0] + "." + parts[1] + ".");
        assertInvalid(parts[0] + "." + parts[1]);
        assertInvalid(valid + "." + parts[2]);
        assertInvalid(valid + "." + parts[2] + "." + parts[2]);
        assertInvalid("." + parts[1] + "." + parts[2]);
    }

    @Test
    void timeClaimsOfTheWrongTypeOrInTheHeaderAreRefused() throws Exception {
        JwtClaims stringExp = claims();
        stringExp.setClaim("exp", String.valueOf(Instant.now().plusSeconds(300).getEpochSecond()));
        assertInvalid(sign(stringExp, SECRET));

        JwtClaims noExp = claims();
        noExp.unsetClaim("exp");
        assertInvalid(sign(noExp, SECRET));
        // exp in the JOSE header instead of the claims does not count
        assertInvalid(sign(noExp, SECRET, "exp", String.valueOf(Instant.now().plusSeconds(300).getEpochSecond())));

        JwtClaims noIat = claims();
        noIat.unsetClaim("iat");
        assertInvalid(sign(noIat, SECRET));
    }

    @Test
    void notBeforeAndIssuedAtInTheFutureBeyondTheSkewAreRefused() throws Exception {
        JwtClaims nbf = claims();
        nbf.setNotBefore(NumericDate.fromSeconds(Instant.now().plusSeconds(90).getEpochSecond()));
        assertInvalid(sign(nbf, SECRET));
        nbf.setNotBefore(NumericDate.fromSeconds(Instant.now().plusSeconds(30).getEpochSecond()));
        service.verify(sign(nbf, SECRET)); // within the 60 s skew

        JwtClaims iat = claims();
        iat.setIssuedAt(NumericDate.fromSeconds(Instant.now().plusSeconds(90).getEpochSecond()));
        assertInvalid(sign(iat, SECRET));
        iat.setIssuedAt(NumericDate.fromSeconds(Instant.now().plusSeconds(30).getEpochSecond()));
        service.verify(sign(iat, SECRET)); // within the 60 s skew
    }

    @Test
    void anEmbeddedJwkDoesNotMakeAnAttackersKeyTrusted() throws Exception {
        JsonWebKey attacker = OctJwkGenerator.generateJwk(256);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "at+jwt");
        jws.getHeaders().setJwkHeaderValue("jwk", attacker);
        jws.setKey(attacker.getKey());
        assertInvalid(jws.getCompactSerialization());
    }

    @Test
    void keyUrlHeadersAreIgnoredAndNothingIsFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/keys";
            // Signed with an attacker key, pointing at "their" key set: refused, nothing fetched.
            assertInvalid(sign(claims(), "attacker-secret-attacker-secret-attacker", "jku", url, "x5u", url, "kid", "attacker"));
            // Signed with our key (and our kid): the extra headers change nothing.
            String ourKid = com.mediahub.auth.token.keys.SigningKeys.hmac(new SigningSecret(SECRET, "test")).kid();
            assertEquals("alice", service.verify(sign(claims(), SECRET, "jku", url, "x5u", url, "kid", ourKid)).caller().username());
            assertEquals(0, requests.get(), "the verifier fetched a key URL");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTokenWithoutTheVersionClaimIsRefused() throws Exception {
        JwtClaims noVersion = claims();
        noVersion.unsetClaim("ver");
        assertInvalid(sign(noVersion, SECRET));
    }
}
