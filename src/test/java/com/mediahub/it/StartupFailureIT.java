package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first hour (issue 15): when the database refuses MediaHub, {@code run.sh} stops the server
 * and exits 1, its last line saying what failed and what to do, instead of leaving Payara Micro
 * up with nothing deployed. One test per refusal, each against a real PostgreSQL.
 */
class StartupFailureIT {

    private static final Duration LIMIT = Duration.ofSeconds(150);
    private static final String VERDICT = "run.sh: MediaHub did not start: ";

    @TempDir
    Path dir;

    private PayaraProcess.Exit start(String name, String url, String user, String password) {
        Map<String, String> environment = new HashMap<>(ItEnvironment.serverOn(ItEnvironment.STARTUP_DB, "it-config.toml"));
        environment.put("FDB_DB_URL", url);
        environment.put("FDB_DB_USER", user);
        environment.put("FDB_DB_PASSWORD", password);
        PayaraProcess server = new PayaraProcess(environment, dir, "startup-" + name);
        PayaraProcess.Exit exit = server.runUntilExit(LIMIT);
        assertEquals(1, exit.status(), "run.sh exit status; last line: " + exit.lastLine() + " (" + server.log() + ")");
        assertTrue(exit.lastLine().startsWith(VERDICT), "the last line is the verdict: " + exit.lastLine());
        assertFalse(server.logText().contains("MediaHub is up"), "never said it was up: " + server.log());
        return exit;
    }

    private static void execute(String... statements) throws SQLException {
        executeIn("postgres", statements);
    }

    private static void executeIn(String database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(ItEnvironment.jdbcUrl(database), ItEnvironment.dbUser(), ItEnvironment.dbPassword());
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void aDatabaseThatDoesNotExist() throws SQLException {
        execute("DROP DATABASE IF EXISTS mediahub_it_no_such_database WITH (FORCE)");
        PayaraProcess.Exit exit = start("no-database", ItEnvironment.jdbcUrl("mediahub_it_no_such_database"),
                ItEnvironment.dbUser(), ItEnvironment.dbPassword());
        assertEquals(VERDICT + "the database connection failed: FATAL: database \"mediahub_it_no_such_database\" does not exist. "
                + "Create the database (createdb -h HOST -U USER NAME, or CREATE DATABASE name OWNER user), "
                + "or set FDB_DB_URL to one that exists.", exit.lastLine());
    }

    @Test
    void aWrongPassword() throws Exception {
        String wrong = "not-the-password-4711";
        try (ThrowawayPostgres postgres = new ThrowawayPostgres("the-right-password").start()) {
            // The server does check passwords: the right one gets in, the wrong one does not.
            DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "the-right-password").close();
            assertThrows(SQLException.class, () -> DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", wrong));

            PayaraProcess.Exit exit = start("wrong-password", postgres.jdbcUrl("postgres"), "postgres", wrong);
            assertEquals(VERDICT + "the database connection failed: FATAL: password authentication failed for user \"postgres\". "
                    + "Check FDB_DB_USER and FDB_DB_PASSWORD.", exit.lastLine());
            String log = java.nio.file.Files.readString(ItEnvironment.target().resolve("it/startup-wrong-password.log"));
            assertFalse(log.contains(wrong), "the password never reaches the log");
        }
    }

    @Test
    void aUserThatDoesNotExist() {
        PayaraProcess.Exit exit = start("no-user", ItEnvironment.jdbcUrl("postgres"), "mediahub_it_no_such_user", "");
        assertEquals(VERDICT + "the database connection failed: FATAL: role \"mediahub_it_no_such_user\" does not exist. "
                + "Check FDB_DB_USER and FDB_DB_PASSWORD.", exit.lastLine());
    }

    @Test
    void aUserWithoutTheRightToCreateTables() throws SQLException {
        execute("DROP DATABASE IF EXISTS mediahub_it_no_ddl WITH (FORCE)", "DROP ROLE IF EXISTS mediahub_it_no_ddl",
                "CREATE ROLE mediahub_it_no_ddl LOGIN", "CREATE DATABASE mediahub_it_no_ddl");
        // PostgreSQL 15's default already; said here so that an older server refuses the same way.
        executeIn("mediahub_it_no_ddl", "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        PayaraProcess.Exit exit = start("no-ddl-rights", ItEnvironment.jdbcUrl("mediahub_it_no_ddl"), "mediahub_it_no_ddl", "");
        assertEquals(VERDICT + "Database schema migration failed: Failed to execute script; the database said: 42501 "
                + "ERROR: permission denied for schema public. The database user needs the right to create tables in its "
                + "schema while migrations run: make it the database's owner, or GRANT CREATE ON SCHEMA public TO it "
                + "(docs/operations.md, \"Database rights\").", exit.lastLine());
    }

    @Test
    void aHostWhereNoDatabaseListens() {
        int closedPort = ItEnvironment.freePort();
        PayaraProcess.Exit exit = start("unreachable", "jdbc:postgresql://127.0.0.1:" + closedPort + "/mediahub",
                ItEnvironment.dbUser(), ItEnvironment.dbPassword());
        assertTrue(exit.lastLine().startsWith(VERDICT + "the database connection failed: Connection to 127.0.0.1:" + closedPort
                + " refused.") && exit.lastLine().endsWith(" Is PostgreSQL running there? Check the host and port in FDB_DB_URL."),
                exit.lastLine());
    }
}
