package com.mediahub.metrics.boundary;

import com.mediahub.auth.session.control.SessionService;
import com.mediahub.config.OperationsSettings;
import com.mediahub.metrics.control.SecurityMetrics;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CurrentCaller;
import com.mediahub.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /api/metrics}: Prometheus text format, for the role of {@code [metrics] role}
 * (default admin; give a scraper its own account with that role). Any authenticated caller gets
 * past the role filter; the configured role is checked here because annotations are fixed.
 */
@Path("metrics")
@ApplicationScoped
@RolesAllowed({Role.USER, Role.ADMIN})
public class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    SecurityMetrics metrics;
    @Inject
    SessionService sessions;
    @Inject
    CurrentCaller caller;
    @Inject
    OperationsSettings settings;

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        if (!caller.get().roles().contains(settings.metricsRole())) {
            throw new ApiException(ErrorCatalogue.ROLE_REQUIRED, settings.metricsRole());
        }
        SessionService.LiveCount live = sessions.countLive();
        return metrics.render(live.refreshTokens(), live.sessions());
    }
}
