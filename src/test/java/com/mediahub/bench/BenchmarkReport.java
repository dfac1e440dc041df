package com.mediahub.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * Turns one benchmark run (the harness's CSV, the pgbench rate, the JMH results) into the table
 * printed at the end of bench/run.sh, {@code results.md} (the table with the targets) and
 * {@code chart.svg} (requests/s per scenario, log scale); with the peer's CSV from the same run
 * ({@code --peer keycloak}) also {@code peer-keycloak.svg}, both products side by side.
 */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    record Row(String scenario, int concurrency, double rps, double p50, double p99, long errors) {
    }

    static void write(Path csv, Path pgbench, Path jmh, Path out, Path peerCsv) throws IOException {
        Map<String, Row> rows = rows(csv);
        double pgbenchTps = Files.exists(pgbench) ? Double.parseDouble(Files.readString(pgbench).trim()) : Double.NaN;
        Map<String, double[]> micro = jmh(jmh);

        StringBuilder md = new StringBuilder();
        md.append("| scenario | concurrency | requests/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|\n");
        rows.values().forEach(r -> md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %d |%n",
                r.scenario(), r.concurrency(), r.rps(), r.p50(), r.p99(), r.errors())));
        md.append(String.format(Locale.ROOT, "%n| database ceiling | value |%n|---|---:|%n| pgbench, one rotation's SQL | %.1f tx/s |%n",
                pgbenchTps));
        md.append("\n| JMH | score |\n|---|---:|\n");
        micro.forEach((name, score) -> md.append(String.format(Locale.ROOT, "| %s | %.3f %s |%n", name, score[0],
                score[1] == 0 ? "ns/op" : "ms/op")));

        int cores = Runtime.getRuntime().availableProcessors();
        md.append("\n| target | measured | met |\n|---|---:|:---:|\n");
        target(md, "Bearer ≥ 0.85 × public", ratio(rows, "bearer", "public"), 0.85);
        target(md, "Bearer ≥ 100 × Basic", ratio(rows, "bearer", "basic"), 100);
        target(md, "Basic with an app password ≥ 0.8 × Bearer (same server)", ratio(rows, "basic-app-password", "bearer"), 0.8);
        target(md, "Refresh ≥ 2,000 req/s", rps(rows, "refresh"), 2000);
        target(md, "Refresh ≥ 0.5 × pgbench", rps(rows, "refresh") / pgbenchTps, 0.5);
        double bcrypt12PerSecond = micro.containsKey("bcryptVerifyCost12") ? 1000.0 / micro.get("bcryptVerifyCost12")[0] * cores : Double.NaN;
        target(md, "Login ≥ 0.9 × bcrypt(12) rate × " + cores + " cores", rps(rows, "login") / bcrypt12PerSecond, 0.9);
        target(md, "Bearer ≥ 10,000 req/s", rps(rows, "bearer"), 10_000);
        String big = rows.keySet().stream().filter(s -> s.matches("refresh-1e[4-7]")).max(String::compareTo).orElse("refresh-1e4");
        target(md, "Refresh p50 at " + big.substring(8) + " rows ≤ 1.3 × at 1e3 (ratio)",
                rows.containsKey(big) && rows.containsKey("refresh-1e3") ? rows.get(big).p50() / rows.get("refresh-1e3").p50() : Double.NaN,
                -1.3);
        // Both measured on the server that has the cache switched on, one after the other.
        target(md, "Basic with the cache ≥ 0.7 × Bearer (same server)",
                ratio(rows, "basic-cached", rows.containsKey("bearer-cache-server") ? "bearer-cache-server" : "bearer"), 0.7);

        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), md.toString());
        Files.writeString(out.resolve("chart.svg"), chart(new ArrayList<>(rows.values())));
        if (peerCsv != null && Files.exists(peerCsv)) {
            Files.writeString(out.resolve("peer-keycloak.svg"), sideBySide(rows, rows(peerCsv)));
        }
        System.out.println();
        System.out.print(md);
    }

    static Map<String, Row> rows(Path csv) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.isBlank() || line.startsWith("scenario,")) {
                continue;
            }
            String[] f = line.split(",");
            rows.put(f[0], new Row(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Long.parseLong(f[5])));
        }
        return rows;
    }

    /** The scenarios both products ran, and what each is called in the peer chart. */
    static final List<Map.Entry<String, String>> PEER_SCENARIOS = List.of(Map.entry("login", "password login"),
            Map.entry("refresh", "refresh (rotation)"), Map.entry("bearer", "Bearer check"), Map.entry("public", "unauthenticated"));

    /** Two bars per scenario, MediaHub's above the peer's, log10 scale, with MediaHub's ratio to the peer. */
    static String sideBySide(Map<String, Row> ours, Map<String, Row> peer) {
        List<Map.Entry<String, String>> scenarios = PEER_SCENARIOS.stream()
                .filter(s -> ours.containsKey(s.getKey()) && peer.containsKey(s.getKey())).toList();
        int barHeight = 20;
        int left = 150;
        int width = 800;
        int height = 80 + scenarios.size() * (2 * barHeight + 18);
        double max = scenarios.stream().mapToDouble(s -> Math.max(ours.get(s.getKey()).rps(), peer.get(s.getKey()).rps()))
                .max().orElse(1);
        double top = Math.ceil(Math.log10(Math.max(10, max)));
        int plot = width - left - 150;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"13\">%n", width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"10\" y=\"20\" font-size=\"15\">MediaHub and Keycloak, one run, same machine and PostgreSQL: "
                + "requests/s (log scale)</text>\n");
        svg.append("<rect x=\"10\" y=\"30\" width=\"12\" height=\"12\" fill=\"#2e86c1\"/><text x=\"28\" y=\"41\">MediaHub</text>"
                + "<rect x=\"110\" y=\"30\" width=\"12\" height=\"12\" fill=\"#95a5a6\"/><text x=\"128\" y=\"41\">Keycloak</text>\n");
        decades(svg, left, plot, top, 50, height);
        int y = 56;
        for (Map.Entry<String, String> scenario : scenarios) {
            Row mine = ours.get(scenario.getKey());
            Row theirs = peer.get(scenario.getKey());
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    left - 8, y + barHeight + 4, scenario.getValue()));
            bar(svg, left, y, plot, top, barHeight, mine.rps(), mine.errors() > 0 ? "#c0392b" : "#2e86c1");
            bar(svg, left, y + barHeight, plot, top, barHeight, theirs.rps(), theirs.errors() > 0 ? "#c0392b" : "#95a5a6");
            String ratio = theirs.rps() > 0 ? String.format(Locale.ROOT, "%.2f×", mine.rps() / theirs.rps()) : "–";
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n",
                    width - 60, y + barHeight + 4, ratio));
            y += 2 * barHeight + 18;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The vertical grid lines of a log10 scale, one per power of ten, labelled below. */
    private static void decades(StringBuilder svg, int left, int plot, double top, int fromY, int height) {
        for (int decade = 0; decade <= top; decade++) {
            double x = left + plot * decade / top;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" fill=\"#666\" text-anchor=\"middle\">%s</text>%n",
                    x, fromY, x, height - 20, x, height - 5, decade == 0 ? "1" : "1e" + decade));
        }
    }

    private static void bar(StringBuilder svg, int left, int y, int plot, double top, int height, double rps, String color) {
        double w = rps <= 1 ? 1 : plot * Math.log10(rps) / top;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                + "<text x=\"%.1f\" y=\"%d\">%.0f</text>%n", left, y, w, height - 2, color, left + w + 6, y + height - 6, rps));
    }

    /** A negative threshold means "at most". */
    private static void target(StringBuilder md, String name, double value, double threshold) {
        boolean met = threshold < 0 ? value <= -threshold : value >= threshold;
        md.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", name, value, Double.isNaN(value) ? "n/a" : met ? "yes" : "NO"));
    }

    private static double rps(Map<String, Row> rows, String scenario) {
        return rows.containsKey(scenario) ? rows.get(scenario).rps() : Double.NaN;
    }

    private static double ratio(Map<String, Row> rows, String a, String b) {
        return rps(rows, a) / rps(rows, b);
    }

    /** benchmark method name -> {score, 0 for ns/op or 1 for ms/op} */
    private static Map<String, double[]> jmh(Path file) throws IOException {
        Map<String, double[]> scores = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return scores;
        }
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
            JsonArray results = reader.readArray();
            for (JsonObject result : results.getValuesAs(JsonObject.class)) {
                String name = result.getString("benchmark").replaceAll(".*\\.", "");
                JsonObject metric = result.getJsonObject("primaryMetric");
                scores.put(name, new double[]{metric.getJsonNumber("score").doubleValue(),
                        metric.getString("scoreUnit").startsWith("ms") ? 1 : 0});
            }
        }
        return scores;
    }

    /** Horizontal bars, log10 scale, one per scenario. */
    static String chart(List<Row> rows) {
        int barHeight = 26;
        int left = 150;
        int width = 760;
        int height = 60 + rows.size() * (barHeight + 8);
        double max = rows.stream().mapToDouble(Row::rps).max().orElse(1);
        double top = Math.ceil(Math.log10(Math.max(10, max)));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"13\">%n", width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"10\" y=\"20\" font-size=\"15\">MediaHub on Payara Micro + PostgreSQL: requests/s (log scale)</text>\n");
        int plot = width - left - 90;
        decades(svg, left, plot, top, 30, height);
        int y = 36;
        for (Row row : rows) {
            double w = row.rps() <= 1 ? 1 : plot * Math.log10(row.rps()) / top;
            String color = row.errors() > 0 ? "#c0392b" : row.scenario().startsWith("basic") || row.scenario().equals("login") ? "#e67e22" : "#2e86c1";
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">%.0f</text>%n",
                    left - 8, y + 18, row.scenario(), left, y, w, barHeight, color, left + w + 6, y + 18, row.rps()));
            y += barHeight + 8;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }
}
