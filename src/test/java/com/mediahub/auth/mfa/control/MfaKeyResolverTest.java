package com.mediahub.auth.mfa.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.ConfigSources;
import com.mediahub.config.ConfigurationException;

/** The MFA key's chain: property, environment, config.toml, else generated and saved. */
class MfaKeyResolverTest {

    private static final String FROM_PROPERTY = "a1".repeat(32);
    private static final String FROM_ENV = "b2".repeat(32);
    private static final String FROM_FILE = "c3".repeat(32);

    @TempDir
    Path dir;

    private MfaKeyResolver.MfaKey resolve(Map<String, String> properties, Map<String, String> env, String fileText) throws Exception {
        Path file = dir.resolve("config.toml");
        if (fileText != null) {
            Files.writeString(file, fileText);
        }
        return new MfaKeyResolver(new ConfigSources(properties::get, env::get), new SecureRandom()).resolve(ConfigFile.read(file));
    }

    @Test
    void systemPropertyThenEnvironmentThenFile() throws Exception {
        String file = "[mfa]\nkey = \"" + FROM_FILE + "\"\n";
        MfaKeyResolver.MfaKey key = resolve(Map.of("fdb.mfa.key", FROM_PROPERTY), Map.of("FDB_MFA_KEY", FROM_ENV), file);
        assertArrayEquals(HexFormat.of().parseHex(FROM_PROPERTY), key.bytes());
        assertEquals("system property fdb.mfa.key", key.source());
        assertArrayEquals(HexFormat.of().parseHex(FROM_ENV), resolve(Map.of(), Map.of("FDB_MFA_KEY", FROM_ENV), file).bytes());
        assertArrayEquals(HexFormat.of().parseHex(FROM_FILE), resolve(Map.of(), Map.of(), file).bytes());
    }

    @Test
    void otherwiseAGeneratedKeyIsSavedWithTheOtherLinesKeptAndReusedOnTheNextStart() throws Exception {
        String original = "# keep me\n[jwt]\nsecret = \"" + "s".repeat(40) + "\"\n";
        MfaKeyResolver.MfaKey first = resolve(Map.of(), Map.of(), original);

        String saved = Files.readString(dir.resolve("config.toml"));
        assertTrue(saved.matches("(?s)" + java.util.regex.Pattern.quote(original) + "\n\\[mfa]\nkey = \"[0-9a-f]{64}\"\n"), saved);
        assertTrue(first.source().endsWith("(generated)"), first.source());
        assertArrayEquals(first.bytes(), resolve(Map.of(), Map.of(), null).bytes(), "a restart reads the saved key");
    }

    @Test
    void aKeyThatIsNot256BitsOfHexIsRefusedNamingTheSourceNotTheValue() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> resolve(Map.of(), Map.of("FDB_MFA_KEY", "short-and-secret"), null));
        assertTrue(refused.getMessage().contains("env FDB_MFA_KEY"), refused.getMessage());
        assertFalse(refused.getMessage().contains("short-and-secret"), refused.getMessage());
        assertThrows(ConfigurationException.class, () -> resolve(Map.of(), Map.of(), "[mfa]\nkey = \"" + "zz".repeat(32) + "\"\n"));
    }
}
