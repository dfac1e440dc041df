package com.mediahub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Set-up and clean-up around the whole integration-test run.
 * Before any integration test: re-creates the test databases on the PostgreSQL server, and
 * renders the operator's datasource file (server-config/payara/datasource-postgresql.asadmin)
 * with the test database filled in, for the Arquillian-managed Payara Micro to run at boot.
 * After the last one: removes the temporary directories the Arquillian Payara Micro container
 * (and a Payara Micro stopped the hard way) leave behind. Runs only in the failsafe (integration) phase.
 */
public class IntegrationTestSession implements LauncherSessionListener {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{ENV=([A-Z_]+)(?::([^}]*))?}");

    private final Instant started = Instant.now();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!ItEnvironment.isIntegrationRun()) {
            return;
        }
        recreate(ItEnvironment.ARQUILLIAN_DB);
        recreate(ItEnvironment.RESTART_DB);
        recreate(ItEnvironment.CLUSTER_DB);
        recreate(ItEnvironment.AUDIT_DB);
        recreate(ItEnvironment.BASIC_CACHE_DB);
        recreate(ItEnvironment.BROWSER_DB);
        recreate(ItEnvironment.DOWNSTREAM_DB);
        recreate(ItEnvironment.OPERATOR_DB);
        recreate(ItEnvironment.SECURITY_DB);
        renderDatasourceFile();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (!ItEnvironment.isIntegrationRun()) {
            return;
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(tmp)) {
            entries.filter(p -> p.getFileName().toString().startsWith("arquillian-payara-micro")
                            || p.getFileName().toString().startsWith("payaramicro-rt"))
                    .filter(p -> createdDuringThisRun(p))
                    .forEach(IntegrationTestSession::deleteTree);
        } catch (IOException e) {
            // best effort: a leftover temporary directory is not a test failure
        }
    }

    private boolean createdDuringThisRun(Path path) {
        try {
            return !Files.getLastModifiedTime(path).toInstant().isBefore(started.minusSeconds(5));
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // A directory that vanishes while it is walked (its server deleted it on exit) comes
            // as UncheckedIOException; it must not fail the run (best effort).
        }
    }

    static void recreate(String database) {
        try (Connection c = DriverManager.getConnection(ItEnvironment.jdbcUrl("postgres"),
                ItEnvironment.dbUser(), ItEnvironment.dbPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare test database " + database + " at "
                    + ItEnvironment.jdbcUrl("postgres") + " (is PostgreSQL running?): " + e.getMessage(), e);
        }
    }

    private static void renderDatasourceFile() {
        Map<String, String> values = Map.of(
                "FDB_DB_URL", ItEnvironment.jdbcUrl(ItEnvironment.ARQUILLIAN_DB),
                "FDB_DB_USER", ItEnvironment.dbUser(),
                "FDB_DB_PASSWORD", ItEnvironment.dbPassword());
        try {
            String template = Files.readString(ItEnvironment.basedir().resolve("server-config/payara/datasource-postgresql.asadmin"));
            Matcher m = ENV_REFERENCE.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.getOrDefault(m.group(1), "");
                if (value.isEmpty() && m.group(2) != null) {
                    value = m.group(2);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            Path rendered = ItEnvironment.target().resolve("it/datasource-postgresql.asadmin");
            Files.createDirectories(rendered.getParent());
            Files.writeString(rendered, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
