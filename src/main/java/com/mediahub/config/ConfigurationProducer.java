package com.mediahub.config;

import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/**
 * Reads config.toml once, when the application starts, so that a malformed file stops the
 * deployment with a clear message instead of failing the first request. Features that need
 * their own part of the file (the signing keys) take the parsed {@link ConfigFile} from here.
 */
@ApplicationScoped
public class ConfigurationProducer {

    private static final Logger LOG = Logger.getLogger(ConfigurationProducer.class.getName());

    private ConfigSources sources;
    private ConfigFile file;
    private Settings settings;
    private OperationsSettings operations;
    private AbuseLimits limits;

    @PostConstruct
    void load() {
        sources = ConfigSources.ofProcess();
        file = ConfigFile.read(sources.configFile());
        List<String> unknown = file.unknownKeys();
        if (!unknown.isEmpty()) {
            LOG.warning(() -> "Unknown settings in " + file.path() + " (ignored): " + String.join(", ", unknown));
        }
        settings = Settings.from(file);
        operations = OperationsSettings.from(file);
        limits = AbuseLimits.from(file);
        LOG.info(() -> "Configuration " + (file.exists() ? "read from " : "defaults; no file at ") + file.path());
    }

    /** Forces loading at deployment time. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        settings.issuer();
    }

    @Produces
    public ConfigSources sources() {
        return sources;
    }

    @Produces
    public ConfigFile file() {
        return file;
    }

    @Produces
    public Settings settings() {
        return settings;
    }

    @Produces
    public OperationsSettings operationsSettings() {
        return operations;
    }

    @Produces
    public AbuseLimits abuseLimits() {
        return limits;
    }
}
