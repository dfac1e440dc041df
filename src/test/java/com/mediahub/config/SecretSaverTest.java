package com.mediahub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSaverTest {

    private static final String SECRET = "ab".repeat(32);

    @Test
    void insertsIntoTheExistingJwtTableKeepingEveryOtherLine() {
        String original = """
                # MediaHub settings
                [jwt]   # token settings
                access_duration_min = 5 # short on purpose

                # refresh tokens live a day
                refresh_duration_hours = 24
                [auth]
                bcrypt_cost = 12
                """;
        String updated = SecretSaver.withSecret(original, SECRET);
        assertEquals(original.replace("[jwt]   # token settings\n", "[jwt]   # token settings\nsecret = \"" + SECRET + "\"\n"), updated);
    }

    @Test
    void appendsAJwtTableWhenThereIsNone() {
        String original = "# only a comment\n[auth]\nbcrypt_cost = 10";
        assertEquals(original + "\n\n[jwt]\nsecret = \"" + SECRET + "\"\n", SecretSaver.withSecret(original, SECRET));
        assertEquals("[jwt]\nsecret = \"" + SECRET + "\"\n", SecretSaver.withSecret("", SECRET));
    }

    @Test
    void keepsWindowsLineEndings() {
        String updated = SecretSaver.withSecret("[jwt]\r\naccess_duration_min = 5\r\n", SECRET);
        assertEquals("[jwt]\r\nsecret = \"" + SECRET + "\"\r\naccess_duration_min = 5\r\n", updated);
    }

    @Test
    void refusesFilesItCannotEditSafely() {
        assertThrows(ConfigurationException.class, () -> SecretSaver.withSecret("jwt = { access_duration_min = 5 }\n", SECRET));
    }

    @Test
    void createsANewFileWithMode0600(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/config.toml");
        SecretSaver.save(file, SECRET);
        assertEquals("[jwt]\nsecret = \"" + SECRET + "\"\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void keepsTheModeOfAnExistingFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "# mine\n[jwt]\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        SecretSaver.save(file, SECRET);
        assertEquals("# mine\n[jwt]\nsecret = \"" + SECRET + "\"\n", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(ConfigFile.read(file).string("jwt.secret").isPresent());
    }
}
