package com.mediahub.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Optional;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void aUserWithoutTheRightToCreateTablesIsToldWhichRightItNeeds() {
        FlywayException failed = new FlywayException("Unable to create table flyway_schema_history",
                new SQLException("wrapped by the pool", null, new SQLException("ERROR: permission denied for schema public", "42501")));
        assertEquals("Database schema migration failed: Unable to create table flyway_schema_history; "
                + "the database said: 42501 ERROR: permission denied for schema public. "
                + DatabaseAdvice.NOT_ALLOWED.text(), SchemaMigrations.describe(failed));
    }

    @ParameterizedTest
    @CsvSource({"3D000, NO_SUCH_DATABASE", "28P01, LOGIN_REFUSED", "28000, LOGIN_REFUSED", "42501, NOT_ALLOWED",
            "08001, UNREACHABLE", "08006, UNREACHABLE"})
    void eachRefusalAtStartUpHasItsAdvice(String sqlState, DatabaseAdvice expected) {
        assertEquals(Optional.of(expected), DatabaseAdvice.forSqlState(sqlState));
    }

    @Test
    void otherErrorsHaveNoAdvice() {
        assertEquals(Optional.empty(), DatabaseAdvice.forSqlState("42P07"));
        assertEquals(Optional.empty(), DatabaseAdvice.forSqlState(null));
    }

    @Test
    void withoutADatabaseErrorFlywaysOwnMessageIsGiven() {
        assertEquals("Database schema migration failed: Validate failed: checksum mismatch",
                SchemaMigrations.describe(new FlywayException("Validate failed: checksum mismatch")));
    }
}
