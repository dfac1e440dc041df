package com.mediahub.users.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Runs the user set-up of a start: the first admin, and an admin password reset if asked for. */
@ApplicationScoped
public class StartupTasks {

    @Inject
    AdminBootstrap adminBootstrap;
    @Inject
    UsernameKeyBackfill usernameKeys;
    @Inject
    UsernameKeyIndexes usernameKeyIndexes;
    @Inject
    AdminPasswordReset adminPasswordReset;

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        usernameKeys.run();
        usernameKeyIndexes.ensure();
        boolean adminJustCreated = adminBootstrap.createAdminIfNoUsers();
        adminPasswordReset.resetIfAsked(adminJustCreated);
    }
}
