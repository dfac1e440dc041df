package com.mediahub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of the processes in a benchmark, read from /proc: the server's JVM (one pid, all its
 * threads), every postgres process, and this load generator. CPU milliseconds per request vary
 * much less than rates on a shared machine (issue 17). Linux only; elsewhere every reading is 0.
 */
final class CpuMeter {

    /** USER_HZ: the unit of /proc/PID/stat's utime and stime; 100 on every Linux we run on. */
    private static final double TICKS_PER_SECOND = 100;

    record Sample(long server, long postgres, long client) {
    }

    private final long serverPid;

    /** @param serverPid the server's JVM, or 0 when not known (its column stays 0) */
    CpuMeter(long serverPid) {
        this.serverPid = serverPid;
    }

    Sample sample() {
        long postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().user().map("postgres"::equals).orElse(false))
                .mapToLong(p -> ticks(p.pid())).sum();
        return new Sample(serverPid > 0 ? ticks(serverPid) : 0, postgres, ticks(ProcessHandle.current().pid()));
    }

    /** Milliseconds of CPU per request between two samples: server, postgres, client. */
    static double[] perRequest(Sample before, Sample after, long requests) {
        double perTick = 1000 / TICKS_PER_SECOND / Math.max(1, requests);
        return new double[] {(after.server() - before.server()) * perTick, (after.postgres() - before.postgres()) * perTick,
            (after.client() - before.client()) * perTick};
    }

    /** utime + stime of a process, 0 when it is gone or /proc is not there. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
