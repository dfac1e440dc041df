package com.mediahub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * N instances of the WAR, each started with {@code server-config/payara/run.sh} on its own port
 * with its own config.toml and audit file, sharing one PostgreSQL and one signing secret, as
 * {@code server-config/cluster/run-local.sh} starts them. Instances are numbered from 1.
 */
public final class LocalCluster implements AutoCloseable {

    private final List<PayaraProcess> instances = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<Path> auditFiles = new ArrayList<>();

    /**
     * @param environment the environment every instance shares (database, secrets, admin password)
     * @param config      the config.toml of every instance; each gets {@code [log] audit_file} added
     */
    public LocalCluster(Map<String, String> environment, Path workDir, String config, int size) {
        for (int i = 1; i <= size; i++) {
            Path dir = workDir.resolve("instance-" + i);
            Path configFile = dir.resolve("config.toml");
            try {
                Files.createDirectories(dir);
                Files.writeString(configFile, config + "\n[log]\nformat = \"json\"\naudit_file = \"audit.jsonl\"\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> own = new HashMap<>(environment);
            own.put("FDB_CONFIG", configFile.toString());
            int port = ItEnvironment.freePort();
            ports.add(port);
            auditFiles.add(dir.resolve("audit.jsonl"));
            instances.add(new PayaraProcess(own, dir, "cluster-instance-" + i, port));
        }
    }

    /** The first instance alone (it migrates the schema and creates the admin), then the others at once. */
    public LocalCluster start() {
        instances.get(0).start();
        CompletableFuture.allOf(instances.stream().skip(1)
                .map(instance -> CompletableFuture.runAsync(instance::start)).toArray(CompletableFuture[]::new)).join();
        return this;
    }

    public PayaraProcess instance(int number) {
        return instances.get(number - 1);
    }

    public String baseUrl(int number) {
        return instance(number).baseUrl();
    }

    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** Every audit line every instance wrote, restarts included (the files are appended to). */
    public List<String> auditLines() {
        List<String> lines = new ArrayList<>();
        for (Path file : auditFiles) {
            try {
                if (Files.exists(file)) {
                    lines.addAll(Files.readAllLines(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    @Override
    public void close() {
        instances.forEach(PayaraProcess::close);
    }
}
