package com.mediahub.auth.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mediahub.auth.token.control.TokenPair;
import com.mediahub.config.ConfigFile;
import com.mediahub.config.ConfigurationException;
import com.mediahub.config.Settings;

class SessionCookiesTest {

    private static final TokenPair PAIR = new TokenPair("ACCESS", "REFRESH", Duration.ofMinutes(5), Duration.ofHours(24), 1);

    private static SessionCookies cookies(String toml, String envSecure) {
        Settings defaults = Settings.defaults();
        Settings settings = new Settings(defaults.issuer(), defaults.accessDuration(), defaults.refreshDuration(),
                defaults.sessionMax(), defaults.reuseGrace(), defaults.bcryptCost(), defaults.userCacheTtl(),
                defaults.maxFailures(), defaults.failureWindow(), defaults.cleanupInterval(), defaults.cleanupBatch(),
                defaults.basicCacheTtl(), defaults.audience(), defaults.jwksMaxAge(), Settings.cookiesFrom(ConfigFile.parse(Path.of("config.toml"), toml), envSecure));
        return new SessionCookies(settings);
    }

    @Test
    void secureByDefaultWithHostPrefixesWherePathIsRoot() {
        List<String> set = cookies("", null).issue(PAIR, "").subList(1, 4);
        assertEquals("__Host-access_token=ACCESS; Path=/; Max-Age=300; Secure; HttpOnly; SameSite=Lax", set.get(0));
        assertEquals("__Secure-refresh_token=REFRESH; Path=/api/token/refresh; Max-Age=86400; Secure; HttpOnly; SameSite=Lax", set.get(1));
        assertTrue(set.get(2).matches("__Host-csrf_token=[A-Za-z0-9_-]{43}; Path=/; Max-Age=86400; Secure; SameSite=Lax"), set.get(2));
    }

    @Test
    void insecureModeForPlainHttpDevelopment() {
        List<String> set = cookies("[cookie]\nsecure = false\nsame_site = \"strict\"\n", null).issue(PAIR, "/app").subList(1, 4);
        assertEquals("access_token", cookies("[cookie]\nsecure = false\n", null).accessName("/app"));
        assertEquals("access_token=ACCESS; Path=/app/; Max-Age=300; HttpOnly; SameSite=Strict", set.get(0));
        assertEquals("refresh_token=REFRESH; Path=/app/api/token/refresh; Max-Age=86400; HttpOnly; SameSite=Strict", set.get(1));
    }

    @Test
    void item13_aFreshPairFirstDeletesTheRefreshCookieAtItsOldWiderPath() {
        assertEquals("__Secure-refresh_token=; Path=/api; Max-Age=0; Secure; HttpOnly; SameSite=Lax",
                cookies("", null).issue(PAIR, "").get(0));
    }

    @Test
    void aDomainRulesOutTheHostPrefix() {
        List<String> set = cookies("[cookie]\ndomain = \"example.com\"\n", null).issue(PAIR, "").subList(1, 4);
        assertEquals("__Secure-access_token=ACCESS; Path=/; Max-Age=300; Domain=example.com; Secure; HttpOnly; SameSite=Lax", set.get(0));
    }

    @Test
    void theEnvironmentWinsOverTheFile() {
        assertEquals("access_token", cookies("[cookie]\nsecure = true\n", "false").accessName(""));
        assertEquals("__Secure-access_token", cookies("", null).accessName("/mediahub"), "no __Host- below the root");
    }

    @Test
    void clearingExpiresAllThreeAndTheRefreshCookieAtItsOldWiderPath() {
        List<String> cleared = cookies("", null).clear("");
        assertEquals(4, cleared.size());
        assertTrue(cleared.get(2).startsWith("__Secure-refresh_token=; Path=/api; Max-Age=0"), cleared.get(2));
        cleared.forEach(c -> assertTrue(c.contains("=; Path=") && c.contains("Max-Age=0"), c));
    }

    @Test
    void badSameSiteValuesStopStartup() {
        assertThrows(ConfigurationException.class, () -> cookies("[cookie]\nsame_site = \"sometimes\"\n", null));
        assertThrows(ConfigurationException.class, () -> cookies("[cookie]\nsecure = false\nsame_site = \"None\"\n", null));
    }
}
