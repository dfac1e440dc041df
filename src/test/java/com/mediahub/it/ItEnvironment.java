package com.mediahub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the integration tests run against. PostgreSQL defaults to 127.0.0.1:5432, user postgres,
 * no password; override with FDB_TEST_DB_HOST, FDB_TEST_DB_PORT, FDB_TEST_DB_USER,
 * FDB_TEST_DB_PASSWORD. The tests create (and re-create) their own databases on that server.
 * The JWT secret and admin password are the ones Maven gives the deployed server (pom.xml).
 */
public final class ItEnvironment {

    public static final String ARQUILLIAN_DB = "mediahub_it";
    public static final String RESTART_DB = "mediahub_it_restart";
    public static final String CLUSTER_DB = "mediahub_it_cluster";
    public static final String AUDIT_DB = "mediahub_it_audit";
    public static final String BASIC_CACHE_DB = "mediahub_it_basic_cache";
    public static final String BROWSER_DB = "mediahub_it_browser";
    public static final String DOWNSTREAM_DB = "mediahub_it_downstream";
    public static final String OPERATOR_DB = "mediahub_it_operator";
    public static final String SECURITY_DB = "mediahub_it_security";
    /** SchemaMigrationIT: re-created by each of its tests. */
    public static final String MIGRATION_DB = "mediahub_it_migration";
    /** StartupFailureIT: never created; each of its tests points FDB_DB_URL at a refusal. */
    public static final String STARTUP_DB = "mediahub_it_startup";
    /** WebAppIT: re-created when it starts. */
    public static final String WEBAPP_DB = "mediahub_it_webapp";
    /** AdminPasswordResetIT: re-created by each of its tests. */
    public static final String RESET_DB = "mediahub_it_reset";

    private ItEnvironment() {
    }

    public static String dbHost() {
        return env("FDB_TEST_DB_HOST").orElse("127.0.0.1");
    }

    public static String dbPort() {
        return env("FDB_TEST_DB_PORT").orElse("5432");
    }

    public static String dbUser() {
        return env("FDB_TEST_DB_USER").orElse("postgres");
    }

    public static String dbPassword() {
        return env("FDB_TEST_DB_PASSWORD").orElse("");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + dbHost() + ":" + dbPort() + "/" + database;
    }

    public static String jwtSecret() {
        return property("mediahub.it.jwtSecret");
    }

    public static String adminPassword() {
        return property("mediahub.it.adminPassword");
    }

    public static Path war() {
        return Path.of(property("mediahub.war"));
    }

    public static Path basedir() {
        return Path.of(property("mediahub.basedir"));
    }

    public static Path target() {
        return Path.of(property("mediahub.target"));
    }

    /**
     * The environment of a server started with run.sh on one of the test databases: the test
     * secret and admin password, and {@code configFile} under src/test/resources.
     */
    public static Map<String, String> serverOn(String database, String configFile) {
        return Map.of(
                "FDB_DB_URL", jdbcUrl(database),
                "FDB_DB_USER", dbUser(),
                "FDB_DB_PASSWORD", dbPassword(),
                "FDB_JWT_SECRET", jwtSecret(),
                "FDB_MFA_KEY", System.getenv("FDB_MFA_KEY"),
                "FDB_ADMIN_PASSWORD", adminPassword(),
                "FDB_CONFIG", basedir().resolve("src/test/resources/" + configFile).toString());
    }

    /** As {@link #serverOn(String, String)}, with a config file the test wrote itself. */
    public static Map<String, String> serverOn(String database, Path configFile) {
        Map<String, String> environment = new java.util.HashMap<>(serverOn(database, "it-config.toml"));
        environment.put("FDB_CONFIG", configFile.toString());
        return environment;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isIntegrationRun() {
        return System.getProperty("mediahub.war") != null;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set: run the ITs through Maven (mvn verify)");
        }
        return value;
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    /** The version of the newest migration the build ships (db/migration/V<n>__...sql). */
    public static int newestMigration() {
        try (var files = Files.list(basedir().resolve("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
