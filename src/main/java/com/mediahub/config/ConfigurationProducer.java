package com.mediahub.config;

import java.security.SecureRandom;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/**
 * Reads config.toml and chooses the signing key (or secret) once, when the application starts, so that a
 * malformed file or a weak secret stops the deployment with a clear message instead of failing
 * the first request.
 */
@ApplicationScoped
public class ConfigurationProducer {

    private static final Logger LOG = Logger.getLogger(ConfigurationProducer.class.getName());

    private Settings settings;
    private SigningKeys keys;
    private OperationsSettings operations;
    private AbuseLimits limits;

    @PostConstruct
    void load() {
        ConfigSources sources = ConfigSources.ofProcess();
        ConfigFile file = ConfigFile.read(sources.configFile());
        List<String> unknown = file.unknownKeys();
        if (!unknown.isEmpty()) {
            LOG.warning(() -> "Unknown settings in " + file.path() + " (ignored): " + String.join(", ", unknown));
        }
        settings = Settings.from(file);
        operations = OperationsSettings.from(file);
        limits = AbuseLimits.from(file);
        SigningAlgorithm algorithm = SigningAlgorithm.from(file);
        keys = algorithm.isAsymmetric()
                ? new SigningKeyResolver(sources, new SecureRandom()).resolve(file, algorithm)
                : SigningKeys.hmac(new SigningSecretResolver(sources, new SecureRandom()).resolve(file));
        LOG.info(() -> "Configuration " + (file.exists() ? "read from " : "defaults; no file at ") + file.path()
                + "; access tokens signed with " + keys.algorithm() + ", key id " + keys.kid() + ", from " + keys.source());
    }

    /** Forces loading at deployment time. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        settings.issuer();
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

    @Produces
    public SigningKeys signingKeys() {
        return keys;
    }
}
