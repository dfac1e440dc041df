package com.mediahub.auth.token.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.ConfigSources;
import com.mediahub.config.ConfigurationException;

class SigningSecretResolverTest {

    private static final String FROM_PROPERTY = "p".repeat(32);
    private static final String FROM_ENV = "e".repeat(32);
    private static final String FROM_FILE = "f".repeat(32);

    @TempDir
    Path dir;

    private SigningSecret resolve(Map<String, String> properties, Map<String, String> env, String fileText) throws Exception {
        Path file = dir.resolve("config.toml");
        if (fileText != null) {
            Files.writeString(file, fileText);
        }
        ConfigSources sources = new ConfigSources(properties::get, env::get);
        return new SigningSecretResolver(sources, new SecureRandom()).resolve(ConfigFile.read(file));
    }

    private static SigningSecret secret(String value) {
        return new SigningSecret(value, "expected");
    }

    @Test
    void systemPropertyWinsOverEverything() throws Exception {
        SigningSecret s = resolve(Map.of("fdb.jwt.secret", FROM_PROPERTY), Map.of("FDB_JWT_SECRET", FROM_ENV),
                "[jwt]\nsecret = \"" + FROM_FILE + "\"\n");
        assertEquals(secret(FROM_PROPERTY), s);
        assertEquals("system property fdb.jwt.secret", s.source());
    }

    @Test
    void environmentWinsOverTheFile() throws Exception {
        assertEquals(secret(FROM_ENV), resolve(Map.of(), Map.of("FDB_JWT_SECRET", FROM_ENV), "[jwt]\nsecret = \"" + FROM_FILE + "\"\n"));
    }

    @Test
    void theFileIsUsedWhenNothingElseIsSet() throws Exception {
        assertEquals(secret(FROM_FILE), resolve(Map.of(), Map.of(), "[jwt]\nsecret = \"" + FROM_FILE + "\"\n"));
    }

    @Test
    void otherwiseAGeneratedSecretIsSavedAndReusedOnTheNextStart() throws Exception {
        SigningSecret first = resolve(Map.of(), Map.of(), "# keep me\n[jwt]\naccess_duration_min = 5\n");
        String saved = Files.readString(dir.resolve("config.toml"));
        assertTrue(saved.matches("(?s)# keep me\n\\[jwt]\nsecret = \"[0-9a-f]{64}\"\naccess_duration_min = 5\n"), saved);
        String hex = ConfigFile.read(dir.resolve("config.toml")).string("jwt.secret").orElseThrow();
        assertEquals(64, hex.getBytes(StandardCharsets.UTF_8).length, "the hex string itself is the key");
        assertEquals(secret(hex), first);
        assertEquals(first, resolve(Map.of(), Map.of(), null), "a restart reads the saved secret");
    }

    @Test
    void twoFreshInstallationsGetDifferentSecrets() throws Exception {
        SigningSecret a = resolve(Map.of(), Map.of(), null);
        Files.delete(dir.resolve("config.toml"));
        assertNotEquals(a, resolve(Map.of(), Map.of(), null));
    }

    @Test
    void blankValuesCountAsUnset() throws Exception {
        assertEquals(secret(FROM_FILE), resolve(Map.of("fdb.jwt.secret", " "), Map.of("FDB_JWT_SECRET", ""),
                "[jwt]\nsecret = \"" + FROM_FILE + "\"\n"));
    }

    @Test
    void shortSecretsAreRefusedSayingWhere() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(Map.of(), Map.of("FDB_JWT_SECRET", "x".repeat(31)), null));
        assertTrue(e.getMessage().contains("FDB_JWT_SECRET") && e.getMessage().contains("31 bytes"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> resolve(Map.of(), Map.of(), "[jwt]\nsecret = \"short\"\n"));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertEquals("SigningSecret[from env FDB_JWT_SECRET]", new SigningSecret(FROM_ENV, "env FDB_JWT_SECRET").toString());
    }
}
