package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;

/**
 * Keeps the benchmark from rotting: runs {@code bench/run.sh --quick} once and checks that every
 * scenario ran and completed without errors, that pgbench and JMH produced their figures, and
 * that the chart was drawn. It asserts no speed.
 */
class BenchmarkQuickIT {

    private static final List<String> SCENARIOS = List.of("public", "bearer", "basic-app-password", "basic", "refresh", "login",
            "refresh-1e3", "refresh-1e4", "bearer-cache-server", "basic-cached");

    @Test
    void everyScenarioCompletesWithoutErrors() throws Exception {
        Path out = ItEnvironment.target().resolve("bench-quick");
        Path log = ItEnvironment.target().resolve("it/bench-quick.log");
        Files.createDirectories(log.getParent());
        Process bench = new ProcessBuilder(ItEnvironment.basedir().resolve("bench/run.sh").toString(), "--quick")
                .directory(ItEnvironment.basedir().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(bench.waitFor(10, TimeUnit.MINUTES), "bench/run.sh --quick did not finish; see " + log);
        assertEquals(0, bench.exitValue(), "bench/run.sh --quick failed; see " + log);

        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals("scenario,concurrency,requests_per_second,p50_ms,p99_ms,errors,requests", rows.get(0));
        for (String scenario : SCENARIOS) {
            String row = rows.stream().filter(r -> r.startsWith(scenario + ",")).findFirst()
                    .orElseThrow(() -> new AssertionError("no result for " + scenario + " in " + rows));
            String[] fields = row.split(",");
            assertEquals("0", fields[5], "errors in " + row);
            assertTrue(Long.parseLong(fields[6]) > 0, "no request completed in " + row);
        }
        // CPU per request from /proc (issue 17): the server's JVM was found and did the work; a
        // refresh also costs PostgreSQL something.
        List<String> cpu = Files.readAllLines(out.resolve("cpu.csv"));
        assertEquals("scenario,server_ms,postgres_ms,client_ms", cpu.get(0));
        for (String scenario : SCENARIOS) {
            String[] fields = cpu.stream().filter(r -> r.startsWith(scenario + ",")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no CPU row for " + scenario + " in " + cpu)).split(",");
            assertTrue(Double.parseDouble(fields[1]) > 0, "server CPU of " + scenario + ": " + String.join(",", fields));
            if (scenario.startsWith("refresh")) {
                assertTrue(Double.parseDouble(fields[2]) > 0, "postgres CPU of " + scenario + ": " + String.join(",", fields));
            }
        }
        assertTrue(Double.parseDouble(Files.readString(out.resolve("pgbench.txt")).trim()) > 0, "pgbench figure");
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(out.resolve("jmh.json"))))) {
            JsonArray jmh = reader.readArray();
            assertEquals(10, jmh.size(), "ten JMH benchmarks (HS256 floor, bcrypt, and the three algorithms)");
        }
        assertTrue(Files.readString(out.resolve("chart.svg")).contains("<svg"), "chart drawn");
        assertTrue(Files.readString(out.resolve("results.md")).contains("| target |"), "table with targets");
    }
}
