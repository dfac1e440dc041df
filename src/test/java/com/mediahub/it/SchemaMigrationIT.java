package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mediahub.platform.crypto.OpaqueValues;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * Upgrades that lose nothing (issue 14): a database made by the build before versioned
 * migrations is adopted with its users, sessions and media intact; two instances starting
 * together on an empty database migrate it once; a broken migration stops the deployment and
 * leaves the database as it was. Each test starts the real WAR with run.sh on PostgreSQL.
 */
class SchemaMigrationIT {

    private static final Path FROZEN_SCHEMA = ItEnvironment.basedir().resolve("src/test/resources/db/frozen/create-schema-before-flyway.sql");
    private static final Path BROKEN_MIGRATION = ItEnvironment.basedir().resolve("src/test/resources/db/broken/V999__deliberately_broken.sql");

    @TempDir
    Path dir;

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(ItEnvironment.jdbcUrl(ItEnvironment.MIGRATION_DB), ItEnvironment.dbUser(), ItEnvironment.dbPassword());
    }

    private static List<String> history() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getBoolean(3));
            }
        }
        return rows;
    }

    private static boolean tableExists(String table) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static String schemaLine(PayaraProcess server) {
        return server.logText().lines().filter(line -> line.contains("Database schema at version")).findFirst()
                .map(line -> line.substring(line.indexOf("Database schema"))).orElse("(no schema line in " + server.log() + ")");
    }

    @Test
    void aDatabaseOfTheBuildBeforeMigrationsIsAdoptedWithEverythingInIt() throws Exception {
        IntegrationTestSession.recreate(ItEnvironment.MIGRATION_DB);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String live = "adopted-live-refresh-token-adopted-live-token";
        String consumed = "adopted-consumed-refresh-token-adopted-consumed";
        try (Connection c = database(); Statement s = c.createStatement()) {
            for (String statement : Files.readAllLines(FROZEN_SCHEMA)) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            s.execute("INSERT INTO users (username, password_hash, roles, created_at) VALUES ('legacy-alice', '"
                    + BCrypt.withDefaults().hashToString(4, "legacy-password-1".toCharArray()) + "', 'user', now())");
            try (PreparedStatement token = c.prepareStatement("INSERT INTO refresh_tokens (user_id, token_hash, expiry, created_at, "
                    + "family_id, family_created_at, family_expiry, generation, user_agent) "
                    + "SELECT id, ?, ?, ?, 4242, ?, ?, 1, 'legacy agent' FROM users WHERE username = 'legacy-alice'")) {
                token.setString(1, OpaqueValues.sha256Hex(live));
                token.setObject(2, now.plusDays(1));
                token.setObject(3, now.minusHours(1));
                token.setObject(4, now.minusHours(2));
                token.setObject(5, now.plusDays(29));
                token.executeUpdate();
            }
            try (PreparedStatement old = c.prepareStatement("INSERT INTO consumed_refresh_tokens (token_hash, user_id, family_id, "
                    + "generation, consumed_at, expiry) SELECT ?, id, 4242, 0, ?, ? FROM users WHERE username = 'legacy-alice'")) {
                old.setString(1, OpaqueValues.sha256Hex(consumed));
                old.setObject(2, now.minusHours(1));
                old.setObject(3, now.plusDays(1));
                old.executeUpdate();
            }
            s.execute("INSERT INTO databases (name, owner_id, created_at) SELECT 'legacy films', id, now() FROM users WHERE username = 'legacy-alice'");
            s.execute("INSERT INTO entries (database_id, title, content, created_at) SELECT id, 'Metropolis', '1927', now() FROM databases");
            s.execute("INSERT INTO entries (database_id, title, content, created_at) SELECT id, 'Nosferatu', '1922', now() FROM databases");
        }

        try (PayaraProcess server = new PayaraProcess(ItEnvironment.serverOn(ItEnvironment.MIGRATION_DB, "it-config.toml"), dir,
                "migration-adopted").start()) {
            // Adopted as version 1 (V1 not run again), then brought up to this build's version.
            assertEquals(schemaLine(NEWEST, NEWEST - 1), schemaLine(server));
            assertEquals(historyOf("1 BASELINE true", 2), history(), "adopted as version 1, V1 not run again");
            Api api = new Api(server.baseUrl());
            String alice = Api.basic("legacy-alice", "legacy-password-1");
            api.get("/api/users/me", alice).expect(200);
            assertEquals(String.valueOf(NEWEST), api.get("/api/info", null).expect(200).json().getString("schema_version"));

            JsonObject rotated = api.refresh(live).expect(200).json();
            String successor = rotated.getString("refresh_token");
            api.refresh(consumed).expectError(401, "Invalid or expired refresh token");
            api.refresh(successor).expectError(401, "Invalid or expired refresh token"); // the family was revoked

            JsonArray databases = api.get("/api/databases", alice).expect(200).jsonArray();
            assertEquals(1, databases.size(), databases.toString());
            assertEquals("legacy films", databases.getJsonObject(0).getString("name"));
            JsonArray entries = api.get("/api/databases/" + databases.getJsonObject(0).getJsonNumber("id") + "/entries", alice)
                    .expect(200).jsonArray();
            assertEquals(List.of("Metropolis", "Nosferatu"), entries.stream().map(e -> e.asJsonObject().getString("title")).sorted().toList());
            System.out.println("[SchemaMigrationIT] adopted database: " + schemaLine(server));
        }
    }

    @Test
    void twoInstancesStartingTogetherOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        IntegrationTestSession.recreate(ItEnvironment.MIGRATION_DB);
        PayaraProcess a = new PayaraProcess(ItEnvironment.serverOn(ItEnvironment.MIGRATION_DB, "it-config.toml"), dir, "migration-a");
        PayaraProcess b = new PayaraProcess(ItEnvironment.serverOn(ItEnvironment.MIGRATION_DB, "it-config.toml"), dir, "migration-b");
        try (a; b) {
            CompletableFuture<PayaraProcess> first = CompletableFuture.supplyAsync(a::start);
            CompletableFuture<PayaraProcess> second = CompletableFuture.supplyAsync(b::start);
            CompletableFuture.allOf(first, second).join();
            assertEquals(historyOf("1 SQL true", 2), history(), "each migration ran once");
            List<String> lines = new ArrayList<>(List.of(schemaLine(a), schemaLine(b)));
            lines.sort(null);
            assertEquals(List.of(schemaLine(NEWEST, 0), schemaLine(NEWEST, NEWEST)), lines);
            new Api(a.baseUrl()).get("/api/users/me", Api.basic("admin", ItEnvironment.adminPassword())).expect(200);
            new Api(b.baseUrl()).get("/api/users/me", Api.basic("admin", ItEnvironment.adminPassword())).expect(200);
            System.out.println("[SchemaMigrationIT] fresh database, instance a: " + schemaLine(a) + "; instance b: " + schemaLine(b));
        }
    }

    @Test
    void anInstanceWaitsVisiblyWhileAnotherHoldsTheMigrationLockThenMigrates() throws Exception {
        IntegrationTestSession.recreate(ItEnvironment.MIGRATION_DB);
        PayaraProcess waiting = new PayaraProcess(ItEnvironment.serverOn(ItEnvironment.MIGRATION_DB, "it-config.toml"), dir,
                "migration-waiting");
        try (waiting; Connection other = database()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + 0x4D65646961487562L + ")"); // MigrationLock.KEY
            }
            CompletableFuture<PayaraProcess> started = CompletableFuture.supplyAsync(waiting::start);
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
            while (!waiting.logText().contains("Waiting for another instance to finish migrating the database schema")) {
                assertTrue(System.nanoTime() < until, "no waiting line in " + waiting.log());
                assertFalse(started.isDone(), "started while the lock was held: " + waiting.log());
                Thread.sleep(200);
            }
            assertFalse(tableExists("flyway_schema_history"), "nothing migrated while the lock is held");
            other.rollback(); // releases the lock

            started.join();
            assertEquals(historyOf("1 SQL true", 2), history());
            assertEquals(schemaLine(NEWEST, NEWEST), schemaLine(waiting));
        }
    }

    @Test
    void aBrokenMigrationStopsTheDeploymentAndLeavesTheDatabaseAsItWas() throws Exception {
        IntegrationTestSession.recreate(ItEnvironment.MIGRATION_DB);
        try (PayaraProcess good = new PayaraProcess(ItEnvironment.serverOn(ItEnvironment.MIGRATION_DB, "it-config.toml"), dir,
                "migration-before-broken").start()) {
            new Api(good.baseUrl()).get("/api/users/me", Api.basic("admin", ItEnvironment.adminPassword())).expect(200);
        }
        List<String> before = history();

        PayaraProcess broken = new PayaraProcess(ItEnvironment.serverOn(ItEnvironment.MIGRATION_DB, "it-config.toml"), dir,
                "migration-broken").withWar(warWith(BROKEN_MIGRATION));
        try (broken) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, broken::start);
            assertTrue(refused.getMessage().contains("failed to deploy"), refused.getMessage());
        }
        String log = broken.logText();
        assertTrue(log.contains("Database schema migration to version 999 (deliberately broken) failed")
                && log.contains("the database said: 42703 ERROR: column \"no_such_column\" does not exist"), "no clear line in " + broken.log());
        assertEquals(before, history(), "nothing recorded for the failed version");
        assertFalse(tableExists("half_done"), "the failed migration's first statement was rolled back");

        try (PayaraProcess again = new PayaraProcess(ItEnvironment.serverOn(ItEnvironment.MIGRATION_DB, "it-config.toml"), dir,
                "migration-after-broken").start()) {
            assertEquals(schemaLine(NEWEST, 0), schemaLine(again));
        }
    }

    /** The newest migration the build ships: each new one is applied by every test here. */
    private static final int NEWEST = ItEnvironment.newestMigration();

    private static String schemaLine(int version, int appliedNow) {
        return "Database schema at version " + version + " (" + appliedNow + " migrations applied now)";
    }

    /** The history table's rows: {@code first}, then every later version up to the newest, as SQL migrations. */
    private static List<String> historyOf(String first, int from) {
        List<String> rows = new ArrayList<>(List.of(first));
        for (int version = from; version <= NEWEST; version++) {
            rows.add(version + " SQL true");
        }
        return rows;
    }

    /** The build's WAR with one more migration in db/migration: the broken one never ships. */
    private Path warWith(Path migration) throws IOException {
        Path war = dir.resolve("mediahub-with-" + migration.getFileName() + ".war");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(ItEnvironment.war()));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(war))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("WEB-INF/classes/db/migration/" + migration.getFileName()));
            try (InputStream sql = Files.newInputStream(migration)) {
                sql.transferTo(out);
            }
            out.closeEntry();
        }
        return war;
    }
}
