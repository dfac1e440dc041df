package com.mediahub.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

import com.mediahub.platform.error.FaultSummary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Brings the database schema to the version this build needs (Flyway, {@code db/migration}),
 * at deployment, before anything else touches the database: its startup observer has the
 * lowest priority of all (the signing-key warning, the username backfill, the first admin and the
 * clean-up schedule come after). A database created by the build before migrations existed has
 * no history table: it is adopted as version 1 without running V1 again. Several instances
 * starting together migrate once: on PostgreSQL they queue on an advisory lock of ours around the
 * whole of Flyway's work. (Flyway's own lock covers applying migrations but not creating its
 * history table: two instances on an empty database could both see the table missing, and the
 * second failed with "Unable to baseline schema history table ... as it already exists, and is
 * empty".) A migration that fails stops the deployment; on PostgreSQL its DDL is rolled back
 * with it.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    /** What start-up scripts look for in the log (server-config/payara/run.sh does). */
    static final String VERDICT = "MediaHub did not start: ";
    static final String LOCATION = "classpath:db/migration";
    /** The advisory lock's key: "MediaHub" in ASCII, unlikely to be another application's. */
    static final long MIGRATION_LOCK = 0x4D65646961487562L;

    @Inject
    ApplicationDataSource dataSource;

    private String version = "unknown";

    void migrateAtStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object ignored) {
        MigrateResult result;
        Connection lock = lockOrNull();
        try {
            result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(dataSource.get())
                    .locations(LOCATION)
                    .baselineOnMigrate(true)
                    .baselineVersion("1")
                    .baselineDescription("schema of the build before versioned migrations")
                    .load()
                    .migrate();
        } catch (FlywayException failed) {
            String why = describe(failed);
            LOG.log(Level.SEVERE, VERDICT + "{0}", why);
            throw new IllegalStateException(why, failed);
        } finally {
            unlock(lock);
        }
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion != null ? result.initialSchemaVersion : "unknown";
        int applied = result.migrationsExecuted;
        LOG.info(() -> "Database schema at version " + version + " (" + applied + " migrations applied now)");
    }

    /**
     * A connection holding the migration lock, on PostgreSQL; null elsewhere (H2 embedded has one
     * instance) and when the database cannot be reached: then Flyway fails on its own, with the
     * message {@link #describe} makes clear.
     */
    private Connection lockOrNull() {
        Connection connection = null;
        try {
            connection = dataSource.get().getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return null;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            }
            return connection;
        } catch (SQLException unreachable) {
            closeQuietly(connection);
            return null;
        }
    }

    private static void unlock(Connection lock) {
        if (lock == null) {
            return;
        }
        try (Statement statement = lock.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
        } catch (SQLException e) {
            // A broken connection: the pool discards it, and its session's lock goes with it.
            LOG.log(Level.WARNING, "Could not release the schema migration lock: {0}", FaultSummary.of(e));
        }
        closeQuietly(lock);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing the migration lock's connection failed", e);
        }
    }

    /**
     * Which migration failed, what the database said (a migration binds no values, so its
     * error quotes none) and what to do about it, e.g. {@code Database schema migration to
     * version 1 (initial schema) failed: ...; the database said: 42501 ERROR: permission denied
     * for schema public. The database user needs the right to create tables ...}.
     */
    static String describe(FlywayException failed) {
        StringBuilder why = new StringBuilder("Database schema migration");
        if (failed instanceof FlywayMigrateException migrate && migrate.getMigration() != null) {
            why.append(" to version ").append(migrate.getMigration().getVersion())
                    .append(" (").append(migrate.getMigration().getDescription()).append(')');
        }
        why.append(" failed: ").append(failed.getMessage().lines().findFirst().orElse("").strip());
        databaseError(failed).ifPresent(sql -> {
            why.append("; the database said: ").append(sql.getSQLState()).append(' ')
                    .append(sql.getMessage().lines().findFirst().orElse(""));
            DatabaseAdvice.forSqlState(sql.getSQLState()).ifPresent(advice -> why.append(". ").append(advice.text()));
        });
        return why.toString();
    }

    /**
     * The database's own error: the first in the chain with a SQLSTATE (a pool may wrap the
     * driver's exception in one without), else the first at all.
     */
    private static Optional<SQLException> databaseError(Throwable failed) {
        SQLException first = null;
        for (Throwable cause = failed; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (sql.getSQLState() != null) {
                    return Optional.of(sql);
                }
                first = first == null ? sql : first;
            }
        }
        return Optional.ofNullable(first);
    }

    /** The schema version the database is at since startup. */
    public String version() {
        return version;
    }
}
