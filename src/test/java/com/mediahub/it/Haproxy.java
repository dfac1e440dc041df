package com.mediahub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Debian's HAProxy with the shipped {@code server-config/cluster/haproxy.cfg.template}, filled in
 * as {@code run-local.sh} fills it in, in front of instances {@code instance-1..N}. Its runtime API
 * (the stats socket) takes instances out and back for a rolling restart and tells their state.
 */
public final class Haproxy implements AutoCloseable {

    /** srv_op_state of "show servers state": 2 is running (up). */
    private static final String UP = "2";

    private final Path config;
    private final Path socket;
    private final Path log;
    private final int port = ItEnvironment.freePort();
    private Process process;

    public Haproxy(Path workDir, List<Integer> instancePorts) {
        this.socket = workDir.resolve("haproxy.sock");
        this.config = workDir.resolve("haproxy.cfg");
        this.log = ItEnvironment.target().resolve("it/haproxy.log");
        Path here = ItEnvironment.basedir().resolve("server-config/cluster");
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < instancePorts.size(); i++) {
            servers.append("    server ").append(name(i + 1)).append(" 127.0.0.1:").append(instancePorts.get(i)).append(" check\n");
        }
        try {
            String template = Files.readString(here.resolve("haproxy.cfg.template"));
            Files.writeString(config, template.replace("@BIND@", "127.0.0.1:" + port)
                    .replace("@SOCKET@", socket.toString())
                    .replace("@ERRORS@", here.resolve("errors").toString())
                    .replace("@SERVERS@\n", servers.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String name(int instance) {
        return "instance-" + instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts HAProxy in the foreground (as run-local.sh does) and waits for its runtime API. */
    public Haproxy start() {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("haproxy could not be started: install it (README: apt-get install haproxy)", e);
        }
        Waiting.until(Duration.ofSeconds(20), "HAProxy's runtime API (see " + log + ")", () -> {
            try {
                command("show info");
                return true;
            } catch (UncheckedIOException notYet) {
                return false;
            }
        });
        return this;
    }

    /** One runtime-API command, e.g. {@code set server instances/instance-1 state maint}; its answer. */
    public String command(String line) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            StringBuilder answer = new StringBuilder();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                answer.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            return answer.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("HAProxy runtime API: " + line, e);
        }
    }

    /** Each instance's name and whether HAProxy sends it requests now (up by its health checks). */
    public Map<String, Boolean> upByInstance() {
        return command("show servers state instances").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains(" "))
                .map(line -> line.split(" "))
                .filter(fields -> fields.length > 5)
                .collect(Collectors.toMap(fields -> fields[3], fields -> UP.equals(fields[5])));
    }

    public void awaitUp(String instance, Duration limit) {
        Waiting.until(limit, "HAProxy to see " + instance + " up", () -> Boolean.TRUE.equals(upByInstance().get(instance)));
    }

    public void awaitAllUp(int instances, Duration limit) {
        Waiting.until(limit, "HAProxy to see all " + instances + " instances up", () -> {
            Map<String, Boolean> up = upByInstance();
            return up.size() == instances && up.values().stream().allMatch(isUp -> isUp);
        });
    }

    /** Waits until no request is open on the instance (after it was taken out with state maint). */
    public void awaitIdle(String instance, Duration limit) {
        Waiting.until(limit, "the requests open on " + instance + " to finish", () -> {
            List<String[]> rows = command("show stat").lines().map(line -> line.split(","))
                    .filter(fields -> fields.length > 4 && "instances".equals(fields[0]) && instance.equals(fields[1])).toList();
            if (rows.size() != 1) {
                throw new AssertionError("no row for " + instance + " in HAProxy's show stat");
            }
            return "0".equals(rows.get(0)[4]); // scur: current sessions
        });
    }

    /** {@code set server instances/<instance> state <state>}; HAProxy answers nothing when it took it. */
    public void setState(String instance, String state) {
        String answer = command("set server instances/" + instance + " state " + state);
        if (!answer.isBlank()) {
            throw new AssertionError("HAProxy refused to set " + instance + " to " + state + ": " + answer);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            ChildProcesses.stop(process);
            process = null;
        }
    }
}
