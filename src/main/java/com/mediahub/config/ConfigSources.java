package com.mediahub.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where settings come from outside config.toml: system properties first, then environment
 * variables. Both lookups are injectable so the priority rules can be tested without touching
 * the real process environment.
 */
public record ConfigSources(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {

    public static ConfigSources ofProcess() {
        return new ConfigSources(System::getProperty, System::getenv);
    }

    /** The system property if set and not blank, else the environment variable if set and not blank. */
    public Optional<String> lookup(String systemProperty, String environmentVariable) {
        return nonBlank(systemProperties.apply(systemProperty))
                .or(() -> nonBlank(environment.apply(environmentVariable)));
    }

    /** A value from outside config.toml and where it came from (safe to log: never the value). */
    public record Found(String value, String source) {
    }

    /** Like {@link #lookup}, naming the source: {@code system property X} or {@code env Y}. */
    public Optional<Found> find(String systemProperty, String environmentVariable) {
        return nonBlank(systemProperties.apply(systemProperty)).map(v -> new Found(v, "system property " + systemProperty))
                .or(() -> nonBlank(environment.apply(environmentVariable)).map(v -> new Found(v, "env " + environmentVariable)));
    }

    /** Contract section 4: {@code fdb.config}, else {@code FDB_CONFIG}, else config.toml in the working directory. */
    public Path configFile() {
        return lookup("fdb.config", "FDB_CONFIG").map(Path::of).orElse(Path.of("config.toml")).toAbsolutePath();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
