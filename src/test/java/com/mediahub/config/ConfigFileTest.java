package com.mediahub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigFileTest {

    private static final Path PATH = Path.of("/etc/mediahub/config.toml");

    @Test
    void absentSettingsTakeTheContractDefaults() {
        Settings settings = Settings.from(ConfigFile.parse(PATH, ""));
        assertEquals("mediahub", settings.issuer());
        assertEquals(Duration.ofMinutes(5), settings.accessDuration());
        assertEquals(Duration.ofHours(24), settings.refreshDuration());
        assertEquals(12, settings.bcryptCost());
        assertEquals(Duration.ofSeconds(5), settings.userCacheTtl());
    }

    @Test
    void coarseDurationsAreRead() {
        Settings settings = Settings.from(ConfigFile.parse(PATH, "[jwt]\naccess_duration_min = 15\nrefresh_duration_hours = 2\n"));
        assertEquals(Duration.ofMinutes(15), settings.accessDuration());
        assertEquals(Duration.ofHours(2), settings.refreshDuration());
    }

    @Test
    void theSecondsFormWins() {
        Settings settings = Settings.from(ConfigFile.parse(PATH,
                "[jwt]\naccess_duration_min = 15\naccess_duration_seconds = 3\nrefresh_duration_hours = 2\nrefresh_duration_seconds = 7\n"));
        assertEquals(Duration.ofSeconds(3), settings.accessDuration());
        assertEquals(Duration.ofSeconds(7), settings.refreshDuration());
    }

    @Test
    void malformedFileNamesTheLine() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ConfigFile.parse(PATH, "# comment\n[jwt]\nsecret = \"unterminated\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains(PATH.toString()), e.getMessage());
    }

    @Test
    void wrongTypesAndNonPositiveDurationsAreRefusedWithTheLine() {
        ConfigurationException type = assertThrows(ConfigurationException.class,
                () -> Settings.from(ConfigFile.parse(PATH, "[jwt]\n\naccess_duration_min = \"five\"\n")));
        assertTrue(type.getMessage().contains("jwt.access_duration_min") && type.getMessage().contains("line 3"), type.getMessage());
        ConfigurationException zero = assertThrows(ConfigurationException.class,
                () -> Settings.from(ConfigFile.parse(PATH, "[jwt]\nrefresh_duration_seconds = 0\n")));
        assertTrue(zero.getMessage().contains("positive"), zero.getMessage());
    }

    @Test
    void unknownKeysAreListed() {
        ConfigFile file = ConfigFile.parse(PATH, "[jwt]\nsecret = \"x\"\naccess_duraton_min = 5\n[other]\nkey = 1\n");
        assertEquals(List.of("jwt.access_duraton_min", "other.key"), file.unknownKeys().stream().sorted().toList());
    }
}
