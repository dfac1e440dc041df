package com.mediahub.auth.token.keys;

import java.security.SecureRandom;
import java.util.logging.Logger;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.ConfigSources;
import com.mediahub.users.entity.JpaUserRepository;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Chooses the signing key (or secret) once, when the application starts, so that a weak secret
 * or an unreadable key stops the deployment with a clear message instead of failing the first
 * request.
 */
@ApplicationScoped
public class SigningKeysProducer {

    private static final Logger LOG = Logger.getLogger(SigningKeysProducer.class.getName());

    @Inject
    ConfigFile file;
    @Inject
    ConfigSources sources;
    @Inject
    JpaUserRepository users;

    private SigningKeys keys;

    @PostConstruct
    void load() {
        SigningAlgorithm algorithm = SigningAlgorithm.from(file);
        keys = algorithm.isAsymmetric()
                ? new SigningKeyResolver(sources, new SecureRandom()).resolve(file, algorithm)
                : SigningKeys.hmac(new SigningSecretResolver(sources, new SecureRandom()).resolve(file));
        LOG.info(() -> "Access tokens signed with " + keys.algorithm() + ", key id " + keys.kid() + ", from " + keys.source());
    }

    @Produces
    public SigningKeys signingKeys() {
        return keys;
    }

    /** Before the first-start set-up of users (default priority), which may create the first user. */
    void onStartup(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class) Object ignored) {
        warnIfSecretIsNotShared();
    }

    /**
     * A secret generated just now, for a database that already has users, means this instance
     * joins a database that others (or an earlier installation) used with another secret:
     * their tokens are invalid here and ours there.
     */
    private void warnIfSecretIsNotShared() {
        if (keys.wasGenerated() && users.count() > 0) {
            LOG.warning("A new JWT " + (keys.algorithm().isAsymmetric() ? "signing key" : "secret") + " was generated, "
                    + "but the database already has users. If other instances share this database, give all of them "
                    + "the same " + (keys.algorithm().isAsymmetric() ? "key (FDB_JWT_PRIVATE_KEY)" : "secret (FDB_JWT_SECRET)")
                    + ": tokens issued by one instance are 'Invalid token' on an instance with another.");
        }
    }
}
