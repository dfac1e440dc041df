package com.mediahub.system.control;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * MicroProfile Health liveness: the application is deployed and answering. Deliberately not tied
 * to the database, so an orchestrator does not restart instances during a database outage (that
 * is what readiness is for).
 */
@Liveness
@ApplicationScoped
public class ApplicationLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("mediahub");
    }
}
