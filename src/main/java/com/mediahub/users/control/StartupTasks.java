package com.mediahub.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Runs the first-start user set-up when the application is deployed. */
@ApplicationScoped
public class StartupTasks {

    @Inject
    AdminBootstrap adminBootstrap;
    @Inject
    UsernameKeyBackfill usernameKeys;

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        usernameKeys.run();
        adminBootstrap.createAdminIfNoUsers();
    }
}
