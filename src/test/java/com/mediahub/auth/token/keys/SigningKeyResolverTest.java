package com.mediahub.auth.token.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Map;

import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.ConfigSources;
import com.mediahub.config.ConfigurationException;

class SigningKeyResolverTest {

    @TempDir
    Path dir;

    private SigningKeys resolve(SigningAlgorithm algorithm, Map<String, String> properties, Map<String, String> env,
                                String fileText) throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, fileText);
        return new SigningKeyResolver(new ConfigSources(properties::get, env::get), new SecureRandom())
                .resolve(ConfigFile.read(file), algorithm);
    }

    private SigningKeys resolve(SigningAlgorithm algorithm, String fileText) throws Exception {
        return resolve(algorithm, Map.of(), Map.of(), fileText);
    }

    @Test
    void aKeyIsGeneratedOnceNextToTheConfigFileOwnerOnly() throws Exception {
        SigningKeys first = resolve(SigningAlgorithm.ES256, "");
        Path saved = dir.resolve("jwt-es256-key.pem");
        assertTrue(first.wasGenerated());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
        SigningKeys second = resolve(SigningAlgorithm.ES256, "");
        assertFalse(second.wasGenerated());
        assertEquals(first.kid(), second.kid(), "the saved key is used again");
        assertEquals(saved.toString(), second.source());
    }

    @Test
    void theChainIsPropertyThenEnvThenConfigThenTheGeneratedFile() throws Exception {
        String propertyPem = PemKeys.write(TestKeys.rsa(2048));
        Path envFile = dir.resolve("env-key.pem");
        Files.writeString(envFile, PemKeys.write(TestKeys.rsa(2048)));
        Files.writeString(dir.resolve("configured.pem"), PemKeys.write(TestKeys.rsa(2048)));
        String config = "[jwt]\nprivate_key_path = \"configured.pem\"\n";

        SigningKeys all = resolve(SigningAlgorithm.RS256, Map.of("fdb.jwt.private_key", propertyPem),
                Map.of("FDB_JWT_PRIVATE_KEY", envFile.toString()), config);
        assertEquals("system property fdb.jwt.private_key", all.source());
        SigningKeys envAndConfig = resolve(SigningAlgorithm.RS256, Map.of(), Map.of("FDB_JWT_PRIVATE_KEY", envFile.toString()), config);
        assertEquals("env FDB_JWT_PRIVATE_KEY (file " + envFile + ")", envAndConfig.source());
        SigningKeys configOnly = resolve(SigningAlgorithm.RS256, config);
        assertEquals("[jwt] private_key_path " + dir.resolve("configured.pem"), configOnly.source());
        assertNotEquals(all.kid(), envAndConfig.kid());
        assertNotEquals(envAndConfig.kid(), configOnly.kid());
        assertFalse(Files.exists(dir.resolve("jwt-rs256-key.pem")), "nothing generated when a key is configured");
    }

    @Test
    void weakWrongOrUnreadableKeysStopStartupWithAClearMessage() throws Exception {
        String weak = PemKeys.write(TestKeys.rsa(1024));
        assertTrue(assertThrows(ConfigurationException.class, () -> resolve(SigningAlgorithm.RS256, Map.of(),
                Map.of("FDB_JWT_PRIVATE_KEY", weak), "")).getMessage().contains("1024 bits; at least 2048"));

        String secp256k1 = PemKeys.write(TestKeys.ec("secp384r1"));
        assertTrue(assertThrows(ConfigurationException.class, () -> resolve(SigningAlgorithm.ES256, Map.of(),
                Map.of("FDB_JWT_PRIVATE_KEY", secp256k1), "")).getMessage().contains("P-256"));

        String rsaForEs = PemKeys.write(TestKeys.rsa(2048));
        assertThrows(ConfigurationException.class, () -> resolve(SigningAlgorithm.ES256, Map.of(),
                Map.of("FDB_JWT_PRIVATE_KEY", rsaForEs), ""));

        String privateOnly = PemKeys.write(TestKeys.ec("secp256r1"));
        String ecWithoutPublic = privateOnly.substring(0, privateOnly.indexOf("-----BEGIN PUBLIC KEY"));
        assertTrue(assertThrows(ConfigurationException.class, () -> resolve(SigningAlgorithm.ES256, Map.of(),
                Map.of("FDB_JWT_PRIVATE_KEY", ecWithoutPublic), "")).getMessage().contains("openssl pkey"));

        String traditional = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n";
        assertTrue(assertThrows(ConfigurationException.class, () -> resolve(SigningAlgorithm.ES256, Map.of(),
                Map.of("FDB_JWT_PRIVATE_KEY", traditional), "")).getMessage().contains("openssl pkcs8"));

        String base64Pem = java.util.Base64.getEncoder().encodeToString(privateOnly.getBytes());
        ConfigurationException notShown = assertThrows(ConfigurationException.class, () -> resolve(SigningAlgorithm.ES256,
                Map.of(), Map.of("FDB_JWT_PRIVATE_KEY", base64Pem), ""));
        assertFalse(notShown.getMessage().contains(base64Pem.substring(0, 20)), "the value is never echoed: " + notShown.getMessage());
        assertTrue(notShown.getMessage().contains("env FDB_JWT_PRIVATE_KEY"), notShown.getMessage());

        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> resolve(SigningAlgorithm.ES256, "[jwt]\nprivate_key_path = \"nowhere.pem\"\n"));
        assertTrue(missing.getMessage().contains(dir.resolve("nowhere.pem").toString()), missing.getMessage());

        String publicOnly = privateOnly.substring(privateOnly.indexOf("-----BEGIN PUBLIC KEY"));
        assertTrue(assertThrows(ConfigurationException.class, () -> resolve(SigningAlgorithm.ES256, Map.of(),
                Map.of("FDB_JWT_PRIVATE_KEY", publicOnly), "")).getMessage().contains("no private key"));
    }

    @Test
    void previousKeysArePublishedAndTheKeySetHoldsNoPrivateMaterial() throws Exception {
        KeyPair old = TestKeys.ec("secp256r1");
        String oldPem = PemKeys.write(old);
        Files.writeString(dir.resolve("old.pem"), oldPem.substring(oldPem.indexOf("-----BEGIN PUBLIC KEY")));
        SigningKeys keys = resolve(SigningAlgorithm.ES256, "[jwt]\nverification_key_paths = [\"old.pem\"]\n");
        String jwks = keys.publicKeySet().orElseThrow();
        JsonWebKeySet set = new JsonWebKeySet(jwks);
        assertEquals(2, set.getJsonWebKeys().size(), jwks);
        assertEquals(keys.kid(), set.getJsonWebKeys().get(0).getKeyId(), "the signing key comes first");
        assertTrue(set.getJsonWebKeys().stream().allMatch(k -> "ES256".equals(k.getAlgorithm()) && "sig".equals(k.getUse())), jwks);
        assertFalse(jwks.contains("\"d\""), "no private part: " + jwks);
        assertTrue(keys.verificationKey(set.getJsonWebKeys().get(1).getKeyId()).isPresent());
    }

    @Test
    void hs256HasNothingToPublish() {
        assertTrue(SigningKeys.hmac(new SigningSecret("s".repeat(32), "test")).publicKeySet().isEmpty());
    }
}
