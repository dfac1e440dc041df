package com.mediahub.config;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A secret setting that the first start generates when nobody gave one: looked up as a system
 * property, then an environment variable, then a key of config.toml; else {@code generate}d and
 * saved into config.toml with the file's other lines kept, so that the next start (and every
 * instance sharing that file) uses the same value. The JWT secret and the MFA key are such settings.
 *
 * @param property system property, e.g. {@code fdb.mfa.key}
 * @param variable environment variable, e.g. {@code FDB_MFA_KEY}
 * @param table    config.toml table, e.g. {@code mfa}
 * @param key      key in that table, e.g. {@code key}
 * @param what     what it is, for the file's comment, e.g. {@code MFA key}
 */
public record GeneratedSecretSetting(String property, String variable, String table, String key, String what) {

    /** The value and where it came from (safe to log: never the value). */
    public record Resolved(String value, String source, boolean generated) {
        @Override
        public String toString() {
            return "Resolved[" + source + "]";
        }
    }

    public Resolved resolve(ConfigSources sources, ConfigFile config, Supplier<String> generate) {
        Optional<ConfigSources.Found> outside = sources.find(property, variable);
        if (outside.isPresent()) {
            return new Resolved(outside.get().value(), outside.get().source(), false);
        }
        String inFile = "[" + table + "] " + key + " in " + config.path();
        Optional<String> fromFile = config.string(table + "." + key);
        if (fromFile.isPresent()) {
            return new Resolved(fromFile.get(), inFile, false);
        }
        String generated = generate.get();
        SecretSaver.save(config.path(), table, key, generated, variable, what);
        return new Resolved(generated, inFile + " (generated)", true);
    }
}
