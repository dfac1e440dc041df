package com.mediahub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The WAR on Payara Micro the way operators start it: {@code server-config/payara/run.sh},
 * as a child process with its own environment and working directory, stopped with SIGTERM.
 */
public final class PayaraProcess implements AutoCloseable {

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path log;
    private final int port;
    private Path war = ItEnvironment.war();
    private Process process;

    public PayaraProcess(Map<String, String> environment, Path workingDirectory, String name) {
        this(environment, workingDirectory, name, ItEnvironment.freePort());
    }

    /** On a given port: a restarted server keeps its address (e.g. a JWKS URL others know). */
    public PayaraProcess(Map<String, String> environment, Path workingDirectory, String name, int port) {
        this.port = port;
        this.environment = new HashMap<>(environment);
        this.environment.put("FDB_PORT", Integer.toString(port));
        // C1 only, unless the test says otherwise. On two cores a fresh JVM's C2 compilations
        // take most of the CPU for minutes: a start took 17.4 s on average against 13.5 s, and
        // an instance restarted under the cluster drill's load took up to three minutes against
        // 22 s. The ITs test behaviour; bench/ measures speed, with the JVM's defaults.
        this.environment.putIfAbsent("JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        this.workingDirectory = workingDirectory;
        this.log = ItEnvironment.target().resolve("it/" + name + ".log");
        try {
            Files.deleteIfExists(log); // one log per test; restarts append to it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs another WAR than the build's (e.g. one with a test-only migration added). */
    public PayaraProcess withWar(Path otherWar) {
        this.war = otherWar;
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Starts run.sh and waits until /api/health answers 200. */
    public PayaraProcess start() {
        launch();
        waitUntilHealthy();
        return this;
    }

    /** How run.sh ended: its exit status and the last line it printed. */
    public record Exit(int status, String lastLine) {
    }

    /** Starts run.sh and waits for it to exit (a start that must fail); stops it after {@code limit}. */
    public Exit runUntilExit(Duration limit) {
        launch();
        try {
            if (!process.waitFor(limit.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                close();
                throw new IllegalStateException("run.sh still running after " + limit + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Exit exit = new Exit(process.exitValue(), lastLine());
        process = null;
        return exit;
    }

    private String lastLine() {
        List<String> lines = logText().lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private void launch() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(
                    ItEnvironment.basedir().resolve("server-config/payara/run.sh").toString(), war.toString())
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            for (String inherited : new String[]{"FDB_DB_URL", "FDB_DB_USER", "FDB_DB_PASSWORD", "FDB_JWT_SECRET",
                    "FDB_CONFIG", "FDB_JWT_PRIVATE_KEY", "FDB_ADMIN_PASSWORD", "FDB_ADMIN_PASSWORD_HASH_FILE", "FDB_ADMIN_PASSWORD_RESET", "FDB_DATA_DIR"}) {
                builder.environment().remove(inherited);
            }
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitUntilHealthy() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                // run.sh stops the server when the WAR fails to deploy; its last line says why.
                throw new IllegalStateException("The WAR failed to deploy: run.sh exited with " + process.exitValue()
                        + ": " + lastLine() + " (see " + log + ")");
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Payara Micro did not become healthy within 180 s; see " + log);
    }

    /** SIGTERM, as an operator or an orchestrator stops it; forcibly only if it does not stop. */
    public void stop() {
        if (process == null) {
            return;
        }
        ChildProcesses.stop(process);
        process = null;
    }

    /**
     * SIGKILL to the server and to run.sh, as the kernel's OOM killer or a lost host ends it:
     * no shutdown hook runs, requests in flight get no answer. Returns when the signals went
     * ({@link System#nanoTime()}).
     */
    public long kill() {
        if (process == null) {
            throw new IllegalStateException("not running");
        }
        long instant = System.nanoTime();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        return instant;
    }

    @Override
    public void close() {
        stop();
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
