package com.mediahub.system.control;

import java.util.logging.Logger;

import com.mediahub.platform.persistence.SchemaMigrations;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Says "MediaHub started" once every start-up task has run: its observer comes after all others
 * (the highest priority number), so the line is only written when none of them failed. A server
 * may log its own "deployed" before the application's start-up has run, so this line, not the
 * server's, is what start-up scripts wait for (server-config/payara/run.sh does).
 */
@ApplicationScoped
public class StartupAnnouncement {

    private static final Logger LOG = Logger.getLogger(StartupAnnouncement.class.getName());
    static final String STARTED = "MediaHub started";

    @Inject
    ApplicationInfo application;
    @Inject
    SchemaMigrations schema;

    void announce(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.info(() -> STARTED + ": version " + application.version() + ", database schema version " + schema.version());
    }
}
