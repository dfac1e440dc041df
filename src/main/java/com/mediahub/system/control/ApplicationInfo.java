package com.mediahub.system.control;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** The application's version (from the build) and how long it has been running. */
@ApplicationScoped
public class ApplicationInfo {

    @Inject
    Clock clock;

    private Instant started;
    private String version;

    @PostConstruct
    void init() {
        started = clock.instant();
        Properties build = new Properties();
        try (InputStream in = ApplicationInfo.class.getResourceAsStream("/mediahub-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // the version is informational only
        }
        version = build.getProperty("version", "unknown");
    }

    /** Starts the uptime clock at deployment, not at the first request. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        started.getEpochSecond();
    }

    public String version() {
        return version;
    }

    public long uptimeSeconds() {
        return Duration.between(started, clock.instant()).toSeconds();
    }
}
