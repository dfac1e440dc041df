package com.mediahub.system.control;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * MicroProfile Health readiness (e.g. Payara's {@code /health/ready}): ready when the database
 * answers, the same probe as {@code GET /api/health}. On a server without MicroProfile Health the
 * API is absent and CDI skips this class; nothing else depends on it.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Inject
    DatabaseHealth database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mediahub-database").status(database.isUp()).build();
    }
}
