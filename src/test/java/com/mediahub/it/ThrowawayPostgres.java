package com.mediahub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own (initdb/pg_ctl on a free port, trust auth unless given a
 * password), so that a test can stop and start the database, or be refused a wrong password,
 * without touching the shared server on 5432. PostgreSQL
 * refuses to run as root, so as root the commands run as the {@code postgres} user.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private final Path dir;
    private final int port;

    public ThrowawayPostgres() {
        this(null);
    }

    /**
     * With a password, the cluster checks it (scram-sha-256) for its user {@code postgres}: the
     * shared server trusts every local connection, so only a cluster like this can refuse a
     * wrong password.
     */
    public ThrowawayPostgres(String password) {
        try {
            this.dir = Files.createTempDirectory("mediahub-pg-");
            this.port = ItEnvironment.freePort();
            List<String> initdb = new ArrayList<>(List.of("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--no-sync"));
            if (password == null) {
                initdb.add("--auth=trust");
            } else {
                Path passwordFile = dir.resolve("password");
                Files.writeString(passwordFile, password + "\n");
                initdb.addAll(List.of("--auth=scram-sha-256", "--pwfile=" + passwordFile));
            }
            if (isRoot()) {
                run("chown", "-R", "postgres", dir.toString());
            }
            run(asPostgres(initdb.toArray(String[]::new)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public ThrowawayPostgres start() {
        run(asPostgres("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        // three instances' pools of 32 (ClusterDrillIT) and the test's own connections
                        + " -c max_connections=200", "start"));
        return this;
    }

    /** As an operator restarts it: a fast shutdown (sessions ended, transactions rolled back), then a start. */
    public void restart() {
        run(asPostgres("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
        start();
    }

    public void stop() {
        run(asPostgres("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException alreadyStopped) {
            // fine
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }

    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(String... command) {
        run(List.of(command));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
