package com.mediahub.platform.persistence;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

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
 * starting together migrate once: on PostgreSQL they queue on {@link MigrationLock} around the
 * whole of Flyway's work. A migration that fails stops the deployment; on PostgreSQL its DDL is
 * rolled back with it.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    /** What start-up scripts look for in the log (server-config/payara/run.sh does). */
    static final String VERDICT = "MediaHub did not start: ";
    static final String LOCATION = "classpath:db/migration";

    @Inject
    ApplicationDataSource dataSource;
    @Inject
    Clock clock;

    private String version = "unknown";

    void migrateAtStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object ignored) {
        MigrateResult result;
        try (MigrationLock lock = MigrationLock.acquire(dataSource.get(), clock)) {
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
        } catch (MigrationLock.TimedOut waitedTooLong) {
            LOG.log(Level.SEVERE, VERDICT + "{0}", waitedTooLong.getMessage());
            throw new IllegalStateException(waitedTooLong.getMessage(), waitedTooLong);
        }
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion != null ? result.initialSchemaVersion : "unknown";
        int applied = result.migrationsExecuted;
        LOG.info(() -> "Database schema at version " + version + " (" + applied + " migrations applied now)");
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
