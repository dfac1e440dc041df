package com.mediahub.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for tests: every line must be
 * a well-formed {@code # HELP}, {@code # TYPE} or sample line; every sample must belong to a
 * family whose {@code TYPE} came first (with the suffixes its type allows); no series may
 * appear twice; every value must parse. Anything else throws, naming the line.
 */
public final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*)?,?\\})? (\\S+)(?: -?\\d+)?");
    private static final Map<String, Set<String>> SUFFIXES = Map.of(
            "counter", Set.of("", "_total", "_created"),
            "gauge", Set.of(""),
            "histogram", Set.of("_bucket", "_sum", "_count", "_created"),
            "summary", Set.of("", "_sum", "_count", "_created"),
            "untyped", Set.of(""));

    private PrometheusText() {
    }

    /** Series (name with its label set, as written) to value. */
    public static Map<String, Double> parse(String text) {
        Map<String, String> types = new HashMap<>();
        Map<String, Double> samples = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                if (number == 1 || !text.endsWith("\n")) {
                    throw new IllegalArgumentException("line " + number + ": empty line");
                }
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                if (types.put(type.group(1), type.group(2)) != null) {
                    throw new IllegalArgumentException("line " + number + ": second TYPE for " + type.group(1));
                }
                continue;
            }
            if (HELP.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("line " + number + ": not a sample: " + line);
            }
            String name = sample.group(1);
            if (!belongsToADeclaredFamily(name, types)) {
                throw new IllegalArgumentException("line " + number + ": no TYPE before " + name);
            }
            double value = switch (sample.group(3)) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> Double.parseDouble(sample.group(3));
            };
            String series = name + (sample.group(2) == null ? "" : sample.group(2));
            if (samples.put(series, value) != null) {
                throw new IllegalArgumentException("line " + number + ": series twice: " + series);
            }
        }
        return samples;
    }

    private static boolean belongsToADeclaredFamily(String name, Map<String, String> types) {
        for (Map.Entry<String, String> family : types.entrySet()) {
            for (String suffix : SUFFIXES.get(family.getValue())) {
                if (name.equals(family.getKey() + suffix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
