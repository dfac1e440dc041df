package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State survives a restart of the server (contract sections 3.3 and 4): an access token issued
 * before the restart still works after it, and a refresh token logged out before it stays dead.
 * The server is started with server-config/payara/run.sh, exactly as operators start it.
 */
class RestartSurvivalIT {

    @TempDir
    Path workDir;

    @Test
    void onPostgreSQL() {
        Map<String, String> env = ItEnvironment.serverOn(ItEnvironment.RESTART_DB, "it-config.toml");
        try (PayaraProcess server = new PayaraProcess(env, workDir, "restart-postgresql")) {
            survivesRestart(server, ItEnvironment.adminPassword());
        }
        Db db = new Db(ItEnvironment.RESTART_DB);
        assertEquals(1, db.count("SELECT COUNT(*) FROM users WHERE username = 'admin'"));
    }

    /**
     * README command 1 as a fresh user runs it: no database, secret or admin password given. The
     * embedded database, the generated secret (saved to config.toml, mode 0600) and the admin
     * password logged once must all carry over the restart.
     */
    @Test
    void onTheEmbeddedDefaultDatabaseWithNothingConfigured() throws Exception {
        try (PayaraProcess server = new PayaraProcess(Map.of(), workDir, "restart-embedded")) {
            server.start();
            String log = server.logText();
            Matcher password = Pattern.compile("generated password: (\\S+)").matcher(log);
            assertTrue(password.find(), "the admin password is logged once at first start; log: " + server.log());
            Path config = workDir.resolve("config.toml");
            assertTrue(Files.readString(config).matches("(?s)\\[jwt]\nsecret = \"[0-9a-f]{64}\"\n"), Files.readString(config));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
            assertTrue(log.contains("Generated a new JWT signing secret and saved it to " + config), "secret generation is logged");
            server.stop();
            survivesRestart(server, password.group(1));
            assertEquals(1, count(server.logText(), "generated password: "), "the password is logged once only");
            assertTrue(Files.isDirectory(workDir.resolve("data")), "embedded database files live under ./data");
        }
    }

    private static void survivesRestart(PayaraProcess server, String adminPassword) {
        server.start();
        Api api = new Api(server.baseUrl());
        Api.Tokens kept = api.login("admin", adminPassword);
        Api.Tokens loggedOut = api.login("admin", adminPassword);
        api.post("/api/logout", Api.bearer(kept.access()), Api.refreshBody(loggedOut.refresh())).expect(200);
        for (int i = 0; i < 10; i++) {
            api.get("/api/users/me", Api.basic("guessed", "guess-" + i)).expect(401);
        }
        server.stop();

        server.start();
        api.get("/api/users/me", Api.bearer(kept.access())).expect(200);
        api.refresh(loggedOut.refresh()).expectError(401, "Invalid or expired refresh token");
        api.refresh(kept.refresh()).expect(200);
        api.get("/api/users/me", Api.basic("guessed", "guess")).expectError(429, "Too many failed login attempts; try again later");
        server.stop();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
