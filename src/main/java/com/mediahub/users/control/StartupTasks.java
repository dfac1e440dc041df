package com.mediahub.users.control;

import java.util.logging.Logger;

import com.mediahub.config.SigningKeys;
import com.mediahub.users.entity.JpaUserRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Runs the first-start user set-up when the application is deployed. */
@ApplicationScoped
public class StartupTasks {

    private static final Logger LOG = Logger.getLogger(StartupTasks.class.getName());

    @Inject
    AdminBootstrap adminBootstrap;
    @Inject
    JpaUserRepository users;
    @Inject
    SigningKeys keys;
    @Inject
    UsernameKeyBackfill usernameKeys;

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        warnIfSecretIsNotShared();
        usernameKeys.run();
        adminBootstrap.createAdminIfNoUsers();
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
