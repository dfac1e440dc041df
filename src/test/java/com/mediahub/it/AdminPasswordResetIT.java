package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way back in (issue 15): an operator who lost the admin password restarts the server with
 * {@code FDB_ADMIN_PASSWORD_RESET=admin} and a new {@code FDB_ADMIN_PASSWORD}. The real WAR,
 * started by run.sh on PostgreSQL, several times over one database.
 */
class AdminPasswordResetIT {

    private static final String FIRST = "first-admin-password-1";
    private static final String SECOND = "second-admin-password-2";

    @TempDir
    Path dir;

    private PayaraProcess server(String name, String... variables) {
        Map<String, String> environment = new HashMap<>(ItEnvironment.serverOn(ItEnvironment.RESET_DB, "it-config.toml"));
        for (int i = 0; i < variables.length; i += 2) {
            environment.put(variables[i], variables[i + 1]);
        }
        return new PayaraProcess(environment, dir, "reset-" + name);
    }

    private static List<String> lines(PayaraProcess server, String containing) {
        return server.logText().lines().filter(line -> line.contains(containing)).toList();
    }

    @Test
    void aResetAtStartUpReplacesThePasswordRevokesTheSessionsAndIsAudited() {
        // Five starts over one database, each building on the last (a server start costs ~20 s).
        IntegrationTestSession.recreate(ItEnvironment.RESET_DB);
        String oldRefresh;
        String newRefresh;
        try (PayaraProcess first = server("first", "FDB_ADMIN_PASSWORD", FIRST).start()) {
            Api api = new Api(first.baseUrl());
            api.get("/api/users/me", Api.basic("admin", FIRST)).expect(200);
            oldRefresh = api.login("admin", FIRST).refresh();
            // Without the reset variable, FDB_ADMIN_PASSWORD is for the first admin only.
        }
        try (PayaraProcess ignored = server("ignored", "FDB_ADMIN_PASSWORD", SECOND).start()) {
            new Api(ignored.baseUrl()).get("/api/users/me", Api.basic("admin", FIRST)).expect(200);
            assertEquals(1, lines(ignored, "FDB_ADMIN_PASSWORD is not used: users exist. To reset an admin's password "
                    + "with it, also set FDB_ADMIN_PASSWORD_RESET=<username>").size(), "says why it is ignored: " + ignored.log());
        }

        try (PayaraProcess reset = server("reset", "FDB_ADMIN_PASSWORD", SECOND, "FDB_ADMIN_PASSWORD_RESET", "admin").start()) {
            Api api = new Api(reset.baseUrl());
            api.get("/api/users/me", Api.basic("admin", SECOND)).expect(200);
            api.get("/api/users/me", Api.basic("admin", FIRST)).expectError(401, "Authentication failed");
            api.refresh(oldRefresh).expectError(401, "Invalid or expired refresh token");
            List<String> warning = lines(reset, "reset by FDB_ADMIN_PASSWORD_RESET");
            assertEquals(1, warning.size(), "one WARN line: " + reset.log());
            assertTrue(warning.get(0).contains("WARN") && warning.get(0).contains("Password of admin 'admin' (user 1) reset by "
                    + "FDB_ADMIN_PASSWORD_RESET to the password from env FDB_ADMIN_PASSWORD; 1 of its sessions revoked. "
                    + "Remove FDB_ADMIN_PASSWORD_RESET from the environment now"), warning.get(0));
            assertEquals(1, lines(reset, "event=password.reset_at_startup user=1 address=- session=-").size(),
                    "one audit line: " + reset.log());
            assertFalse(reset.logText().contains(SECOND), "the chosen password is never logged");
            newRefresh = api.login("admin", SECOND).refresh();
        }

        // A forgotten variable at the next start only warns, and the sessions made since survive it.
        try (PayaraProcess again = server("again", "FDB_ADMIN_PASSWORD", SECOND, "FDB_ADMIN_PASSWORD_RESET", "admin").start()) {
            Api api = new Api(again.baseUrl());
            api.refresh(newRefresh).expect(200);
            assertEquals(1, lines(again, "FDB_ADMIN_PASSWORD_RESET is still set: user 1 already has the password from env "
                    + "FDB_ADMIN_PASSWORD, nothing changed. Remove FDB_ADMIN_PASSWORD_RESET from the environment.").size(),
                    "a forgotten variable only warns: " + again.log());
            assertTrue(lines(again, "event=password.reset_at_startup").isEmpty(), "nothing reset: " + again.log());
        }

        // Without FDB_ADMIN_PASSWORD the reset generates a password and shows it once.
        try (PayaraProcess generated = server("generated", "FDB_ADMIN_PASSWORD", "", "FDB_ADMIN_PASSWORD_RESET", "admin").start()) {
            List<String> warning = lines(generated, "to the generated password: ");
            assertEquals(1, warning.size(), "one WARN line with the password: " + generated.log());
            String password = warning.get(0).replaceAll(".*to the generated password: (\\S+)\\s+\\(shown once\\).*", "$1");
            Api api = new Api(generated.baseUrl());
            api.get("/api/users/me", Api.basic("admin", password)).expect(200);
            api.get("/api/users/me", Api.basic("admin", SECOND)).expectError(401, "Authentication failed");
        }
    }

    @Test
    void aResetOfANameThatIsNoAdminStopsTheStartWithOneLine() {
        IntegrationTestSession.recreate(ItEnvironment.RESET_DB);
        PayaraProcess.Exit unknown = server("unknown-user", "FDB_ADMIN_PASSWORD", SECOND, "FDB_ADMIN_PASSWORD_RESET", "nobody-here")
                .runUntilExit(Duration.ofSeconds(150));
        assertEquals(1, unknown.status(), unknown.lastLine());
        assertEquals("run.sh: MediaHub did not start: FDB_ADMIN_PASSWORD_RESET names no existing user; set it to the username "
                + "of an admin, or remove it", unknown.lastLine());

        // The refused start left the schema; a plain user straight into it saves a server start.
        new Db(ItEnvironment.RESET_DB).update("INSERT INTO users (username, password_hash, roles, created_at) "
                + "VALUES ('plain1', 'not-a-hash', 'user', now())");

        PayaraProcess.Exit notAdmin = server("not-admin", "FDB_ADMIN_PASSWORD", SECOND, "FDB_ADMIN_PASSWORD_RESET", "plain1")
                .runUntilExit(Duration.ofSeconds(150));
        assertEquals(1, notAdmin.status(), notAdmin.lastLine());
        assertEquals("run.sh: MediaHub did not start: FDB_ADMIN_PASSWORD_RESET names a user without the admin role; it resets "
                + "the password of an admin only", notAdmin.lastLine());
    }
}
