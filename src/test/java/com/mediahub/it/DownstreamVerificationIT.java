package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.HashUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.mediahub.auth.token.keys.PemKeys;
import com.mediahub.auth.token.keys.TestKeys;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Our ES256/RS256 access tokens checked by services that share no secret with us: a MicroProfile
 * JWT WAR on a second Payara Micro that knows only our JWKS URL, issuer and audience, and Node.js
 * with the npm {@code jose} library. Our server keeps one port across restarts (new keys), so the
 * downstream service's JWKS URL stays valid; {@code jwks_max_age_seconds = 1} lets its key cache
 * follow within a second (production: 300).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DownstreamVerificationIT {

    private static final String ISSUER = "mediahub";
    private static final String AUDIENCE = "media-services";
    /** Short, so that the test can wait for expiry; long enough to outlive one restart of our server. */
    private static final int ACCESS_SECONDS = 30;

    @TempDir
    static Path dir;
    private static int port;
    private static String jwksUrl;
    private static DownstreamService downstream;
    private static NodeJose node;
    private static PayaraProcess server;

    @BeforeAll
    static void start() {
        port = ItEnvironment.freePort();
        jwksUrl = "http://127.0.0.1:" + port + "/.well-known/jwks.json";
        node = new NodeJose();
        downstream = new DownstreamService(jwksUrl, ISSUER, AUDIENCE);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (downstream != null) {
            downstream.close();
        }
    }

    /** (Re)starts our server on the same port with this [jwt] table. */
    private static Api serverWith(String jwtTable) throws Exception {
        if (server != null) {
            server.stop();
        }
        Files.writeString(dir.resolve("config.toml"), "[auth]\nbcrypt_cost = 5\n\n[jwt]\naudience = \"" + AUDIENCE + "\"\n"
                + "access_duration_seconds = " + ACCESS_SECONDS + "\njwks_max_age_seconds = 1\n" + jwtTable);
        Map<String, String> env = ItEnvironment.serverOn(ItEnvironment.DOWNSTREAM_DB, dir.resolve("config.toml"));
        env.remove("FDB_JWT_SECRET");
        server = new PayaraProcess(env, dir, "downstream-issuer", port).start();
        Thread.sleep(1_100); // the downstream service's copy of the key set expires
        return new Api(server.baseUrl());
    }

    @Test
    @Order(1)
    void rs256AccessTokensAreAcceptedAndEverythingElseRefused() throws Exception {
        Api api = serverWith("algorithm = \"RS256\"\n");
        Api.Tokens tokens = api.login("admin", ItEnvironment.adminPassword());
        JsonObject jwks = Json.createReader(new java.io.StringReader(api.get("/.well-known/jwks.json", null)
                .expect(200).body())).readObject();
        assertEquals("RSA", jwks.getJsonArray("keys").getJsonObject(0).getString("kty"));
        assertFalse(jwks.getJsonArray("keys").getJsonObject(0).containsKey("d"), "no private part: " + jwks);

        accepted(tokens.access(), "admin", List.of("admin", "user"));
        JsonObject nodeSays = node.verify(jwksUrl, tokens.access(), ISSUER, AUDIENCE);
        assertEquals(Json.createObjectBuilder().add("ok", true).add("alg", "RS256")
                .add("kid", jwks.getJsonArray("keys").getJsonObject(0).getString("kid")).add("upn", "admin")
                .add("groups", Json.createArrayBuilder(List.of("admin", "user"))).build(), nodeSays);

        refused(tokens.refresh(), "a refresh token");
        refused(tampered(tokens.access()), "a tampered token");
        KeyPair outsider = TestKeys.rsa(2048);
        refused(sign(claims("admin"), AlgorithmIdentifiers.RSA_USING_SHA256, kidOf(jwks), outsider.getPrivate()),
                "a token signed by a key outside the set, with our kid");
        refused(sign(claims("admin"), AlgorithmIdentifiers.HMAC_SHA256, kidOf(jwks),
                new HmacKey(Base64.getDecoder().decode(publicKeyOf(jwks)))), "HS256 keyed with our public key");
        assertFalse(node.verify(jwksUrl, tokens.refresh(), ISSUER, AUDIENCE).getBoolean("ok"));
        assertFalse(node.verify(jwksUrl, tampered(tokens.access()), ISSUER, AUDIENCE).getBoolean("ok"));

        long expiresAt = exp(tokens.access());
        Thread.sleep(Math.max(0, (expiresAt + 1) * 1000 - System.currentTimeMillis()));
        refused(tokens.access(), "an expired token");
        assertEquals("ERR_JWT_EXPIRED", node.verify(jwksUrl, tokens.access(), ISSUER, AUDIENCE).getString("code"));
    }

    @Test
    @Order(2)
    void es256KeyRotationKeepsOldTokensValidUntilTheyExpireThenTheOldKeyLeavesTheSet() throws Exception {
        KeyPair one = TestKeys.ec("secp256r1");
        KeyPair two = TestKeys.ec("secp256r1");
        Files.writeString(dir.resolve("key-1.pem"), PemKeys.write(one));
        Files.writeString(dir.resolve("key-2.pem"), PemKeys.write(two));

        Api api = serverWith("algorithm = \"ES256\"\nprivate_key_path = \"key-1.pem\"\n");
        Api.Tokens first = api.login("admin", ItEnvironment.adminPassword());
        accepted(first.access(), "admin", List.of("admin", "user"));

        // Rotation: key 2 signs, key 1 stays in the set for the tokens it signed.
        api = serverWith("algorithm = \"ES256\"\nprivate_key_path = \"key-2.pem\"\nverification_key_paths = [\"key-1.pem\"]\n");
        JsonObject both = jwks(api);
        assertEquals(2, both.getJsonArray("keys").size(), both.toString());
        Api.Tokens second = api.login("admin", ItEnvironment.adminPassword());
        assertFalse(header(first.access()).equals(header(second.access())), "a new kid");
        accepted(first.access(), "admin", List.of("admin", "user"));
        accepted(second.access(), "admin", List.of("admin", "user"));
        assertTrue(node.verify(jwksUrl, first.access(), ISSUER, AUDIENCE).getBoolean("ok"));
        assertTrue(node.verify(jwksUrl, second.access(), ISSUER, AUDIENCE).getBoolean("ok"));

        Thread.sleep(Math.max(0, (exp(first.access()) + 1) * 1000 - System.currentTimeMillis()));
        refused(first.access(), "key 1's token after it expired");

        // Key 1's tokens have all expired: it leaves the set, and nothing it signs is accepted any more.
        api = serverWith("algorithm = \"ES256\"\nprivate_key_path = \"key-2.pem\"\n");
        assertEquals(1, jwks(api).getJsonArray("keys").size());
        String freshFromKeyOne = sign(claims("admin"), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                thumbprint(one), one.getPrivate());
        refused(freshFromKeyOne, "an unexpired token signed by the removed key");
        assertEquals("ERR_JWKS_NO_MATCHING_KEY", node.verify(jwksUrl, freshFromKeyOne, ISSUER, AUDIENCE).getString("code"));
        Api.Tokens third = api.login("admin", ItEnvironment.adminPassword());
        accepted(third.access(), "admin", List.of("admin", "user"));
    }

    private static void accepted(String token, String name, List<String> groups) {
        HttpResponse<String> response = downstream.call(token);
        assertEquals(200, response.statusCode(), "the downstream service accepts it: " + response.body());
        JsonObject body = Json.createReader(new java.io.StringReader(response.body())).readObject();
        assertEquals(name, body.getString("name"), response.body());
        assertEquals(groups, body.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString), response.body());
    }

    private static void refused(String token, String what) {
        HttpResponse<String> response = downstream.call(token);
        assertEquals(401, response.statusCode(), "the downstream service refuses " + what + ": " + response.body());
    }

    private static JsonObject jwks(Api api) {
        Reply reply = api.get("/.well-known/jwks.json", null).expect(200);
        assertEquals("public, max-age=1", reply.header("Cache-Control"));
        return reply.json();
    }

    private static String kidOf(JsonObject jwks) {
        return jwks.getJsonArray("keys").getJsonObject(0).getString("kid");
    }

    private static String publicKeyOf(JsonObject jwks) throws Exception {
        JsonWebKey key = new JsonWebKeySet(jwks.toString()).getJsonWebKeys().get(0);
        return Base64.getEncoder().encodeToString(key.getKey().getEncoded());
    }

    private static String thumbprint(KeyPair pair) throws Exception {
        return org.jose4j.jwk.PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic())
                .calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    private static long exp(String token) throws Exception {
        return JwtClaims.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .getExpirationTime().getValue();
    }

    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"upn\":\"admin\"", "\"upn\":\"admim\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** A complete, unexpired claim set like ours: only the signature can make it fail. */
    private static JwtClaims claims(String upn) {
        JwtClaims claims = JwtForger.claims(1, upn, "admin", "user");
        claims.setAudience(AUDIENCE);
        return claims;
    }

    private static String sign(JwtClaims claims, String algorithm, String kid, Key key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

}
