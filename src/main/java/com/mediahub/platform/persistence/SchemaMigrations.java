package com.mediahub.platform.persistence;

import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Brings the database schema to the version this build needs (Flyway, {@code db/migration}),
 * at deployment, before anything else touches the database: its startup observer has the
 * lowest priority of all (the signing-key warning, the username backfill, the first admin and the
 * clean-up schedule come after). A database created by the build before migrations existed has
 * no history table: it is adopted as version 1 without running V1 again. Several instances
 * starting together migrate once: Flyway locks the history table. A migration that fails stops
 * the deployment; on PostgreSQL its DDL is rolled back with it.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    /**
     * The datasource of the persistence unit, {@code jdbc/mediahub}, under the name each server
     * gives it: Payara (global name), WildFly ({@code java:/}), TomEE ({@code openejb:Resource/}).
     */
    static final List<String> DATASOURCE_NAMES = List.of(
            "jdbc/mediahub", "java:/jdbc/mediahub", "openejb:Resource/jdbc/mediahub", "java:comp/env/jdbc/mediahub");
    static final String LOCATION = "classpath:db/migration";

    private String version = "unknown";

    void migrateAtStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object ignored) {
        MigrateResult result;
        try {
            result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(dataSource())
                    .locations(LOCATION)
                    .baselineOnMigrate(true)
                    .baselineVersion("1")
                    .baselineDescription("schema of the build before versioned migrations")
                    .load()
                    .migrate();
        } catch (FlywayException failed) {
            String why = describe(failed);
            LOG.log(Level.SEVERE, "{0}; the application is not started", why);
            throw new IllegalStateException(why, failed);
        }
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion != null ? result.initialSchemaVersion : "unknown";
        int applied = result.migrationsExecuted;
        LOG.info(() -> "Database schema at version " + version + " (" + applied + " migrations applied now)");
    }

    /**
     * Which migration failed and what the database said (a migration binds no values, so its
     * error quotes none), e.g. {@code Database schema migration to version 2 (deliberately
     * broken) failed: Failed to execute script ...; the database said: 42703 ERROR: column ...}.
     */
    static String describe(FlywayException failed) {
        StringBuilder why = new StringBuilder("Database schema migration");
        if (failed instanceof FlywayMigrateException migrate && migrate.getMigration() != null) {
            why.append(" to version ").append(migrate.getMigration().getVersion())
                    .append(" (").append(migrate.getMigration().getDescription()).append(')');
        }
        why.append(" failed: ").append(failed.getMessage().lines().findFirst().orElse(""));
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                why.append("; the database said: ").append(sql.getSQLState()).append(' ')
                        .append(sql.getMessage().lines().findFirst().orElse(""));
                break;
            }
        }
        return why.toString();
    }

    /** The schema version the database is at since startup. */
    public String version() {
        return version;
    }

    private static DataSource dataSource() {
        NamingException last = null;
        for (String name : DATASOURCE_NAMES) {
            try {
                return (DataSource) new InitialContext().lookup(name);
            } catch (NamingException notThisServer) {
                last = notThisServer;
            }
        }
        throw new IllegalStateException("No datasource under the JNDI name jdbc/mediahub (tried " + DATASOURCE_NAMES + ")", last);
    }
}
