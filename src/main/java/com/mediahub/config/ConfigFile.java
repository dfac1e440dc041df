package com.mediahub.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * A parsed config.toml (contract section 4). Durations accept a coarse form and a seconds form;
 * the seconds form wins. A file that does not exist reads as empty; a malformed file is a
 * {@link ConfigurationException} naming the line.
 */
public final class ConfigFile {

    /** Every key the application reads; others are reported by {@link #unknownKeys()}. */
    static final Set<String> KNOWN_KEYS = Set.of(
            "jwt.secret", "jwt.issuer", "jwt.algorithm", "jwt.audience", "jwt.private_key_path", "jwt.verification_key_paths",
            "jwt.jwks_max_age_seconds", "auth.registration", "auth.registrations_per_hour", "metrics.role",
            "log.format", "log.audit_file",
            "jwt.access_duration_min", "jwt.access_duration_seconds",
            "jwt.refresh_duration_hours", "jwt.refresh_duration_seconds",
            "jwt.session_max_hours", "jwt.session_max_seconds", "jwt.reuse_grace_seconds",
            "auth.bcrypt_cost", "auth.user_cache_seconds", "auth.max_failures",
            "auth.failure_window_minutes", "auth.failure_window_seconds",
            "cleanup.interval_minutes", "cleanup.interval_seconds", "cleanup.batch_size",
            "auth.basic_cache_seconds", "auth.max_sessions_per_user", "auth.bcrypt_concurrency",
            "auth.bcrypt_max_wait_ms", "cookie.secure", "cookie.same_site", "cookie.domain", "mfa.key");

    private final Path path;
    private final TomlParseResult toml;

    private ConfigFile(Path path, TomlParseResult toml) {
        this.path = path;
        this.toml = toml;
    }

    public static ConfigFile read(Path path) {
        if (!Files.exists(path)) {
            return parse(path, "");
        }
        try {
            return parse(path, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read configuration file " + path + ": " + e.getMessage(), e);
        }
    }

    public static ConfigFile parse(Path path, String text) {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            TomlParseError first = toml.errors().get(0);
            throw new ConfigurationException("Malformed configuration file " + path + " at line "
                    + first.position().line() + ", column " + first.position().column() + ": " + first.getMessage());
        }
        return new ConfigFile(path, toml);
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /** Dotted keys present in the file that the application does not read (logged as a warning). */
    public List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        for (String key : toml.dottedKeySet()) {
            if (!toml.isTable(key) && !KNOWN_KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    public Optional<String> string(String key) {
        return typed(key, String.class, "a string");
    }

    public Optional<Boolean> bool(String key) {
        return typed(key, Boolean.class, "true or false");
    }

    /** A TOML array of strings (absent: empty). */
    public List<String> stringList(String key) {
        Optional<TomlArray> array = typed(key, TomlArray.class, "an array of strings");
        if (array.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.get().size(); i++) {
            if (!(array.get().get(i) instanceof String value)) {
                throw wrongType(key, "an array of strings");
            }
            values.add(value);
        }
        return values;
    }

    public Optional<Long> integer(String key) {
        return typed(key, Long.class, "an integer");
    }

    /** The value at {@code key} if it has the TOML type {@code type}; another type stops startup. */
    private <T> Optional<T> typed(String key, Class<T> type, String expected) {
        Object value = toml.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (type.isInstance(value)) {
            return Optional.of(type.cast(value));
        }
        throw wrongType(key, expected);
    }

    /**
     * A duration given as {@code <name>_seconds} (wins) or as {@code <name>_<coarseSuffix>} counted in
     * {@code coarseUnit}, else {@code fallback}. A {@code null} suffix means the seconds form only.
     * Must be positive.
     */
    public Duration duration(String table, String name, String coarseSuffix, Duration coarseUnit, Duration fallback) {
        String secondsKey = table + "." + name + "_seconds";
        Optional<Duration> seconds = integer(secondsKey).map(s -> Duration.ofSeconds(positive(secondsKey, s)));
        if (seconds.isPresent() || coarseSuffix == null) {
            return seconds.orElse(fallback);
        }
        String coarseKey = table + "." + name + "_" + coarseSuffix;
        return integer(coarseKey).map(n -> coarseUnit.multipliedBy(positive(coarseKey, n))).orElse(fallback);
    }

    /** An integer setting within [min, max], else {@code fallback} when absent. */
    public long bounded(String key, long fallback, long min, long max) {
        long value = integer(key).orElse(fallback);
        if (value < min || value > max) {
            throw new ConfigurationException("Setting " + key + " in " + path + " at line " + line(key)
                    + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private long positive(String key, long value) {
        if (value <= 0) {
            throw new ConfigurationException("Setting " + key + " in " + path + " at line " + line(key)
                    + " must be a positive number, was " + value);
        }
        return value;
    }

    private ConfigurationException wrongType(String key, String expected) {
        return new ConfigurationException("Setting " + key + " in " + path + " at line " + line(key)
                + " must be " + expected);
    }

    private String line(String key) {
        var position = toml.inputPositionOf(key);
        return position == null ? "?" : String.valueOf(position.line());
    }
}
