package com.mediahub.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** The line an operator reads when a migration fails: what failed, and what the database said. */
class SchemaMigrationsTest {

    @Test
    void theDatabasesErrorIsNamedOnOneLine() {
        FlywayException failed = new FlywayException("Failed to execute script V7__x.sql\nmore detail",
                new SQLException("ERROR: relation \"x\" already exists\n  Position: 14", "42P07"));
        assertEquals("Database schema migration failed: Failed to execute script V7__x.sql; "
                + "the database said: 42P07 ERROR: relation \"x\" already exists", SchemaMigrations.describe(failed));
    }

    @Test
    void withoutADatabaseErrorFlywaysOwnMessageIsGiven() {
        assertEquals("Database schema migration failed: Validate failed: checksum mismatch",
                SchemaMigrations.describe(new FlywayException("Validate failed: checksum mismatch")));
    }
}
