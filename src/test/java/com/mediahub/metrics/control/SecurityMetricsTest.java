package com.mediahub.metrics.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SecurityMetricsTest {

    @Test
    void auditEventsFeedTheirSeriesAndUnknownEventsAreIgnored() {
        SecurityMetrics metrics = new SecurityMetrics();
        metrics.event("login.ok");
        metrics.event("login.ok");
        metrics.event("refresh.replay_within_grace");
        metrics.event("refresh.rejected");
        metrics.event("session.revoked");
        metrics.event("password.changed");
        String text = metrics.render(7, 3);
        assertTrue(text.contains("\nmediahub_logins_total{result=\"ok\"} 2\n"), text);
        assertTrue(text.contains("\nmediahub_logins_total{result=\"failed\"} 0\n"), text);
        assertTrue(text.contains("\nmediahub_refreshes_total{result=\"rejected\"} 2\n"), text);
        assertTrue(text.contains("\nmediahub_logouts_total{scope=\"session\"} 1\n"), text);
        assertTrue(text.contains("\nmediahub_refresh_tokens_live 7\n"), text);
        assertTrue(text.contains("\nmediahub_sessions_live 3\n"), text);
    }

    @Test
    void theHistogramIsCumulativeWithSumAndCount() {
        SecurityMetrics metrics = new SecurityMetrics();
        metrics.observe(SecurityMetrics.Endpoint.TOKEN, TimeUnit.MILLISECONDS.toNanos(3));    // <= 0.005
        metrics.observe(SecurityMetrics.Endpoint.TOKEN, TimeUnit.MILLISECONDS.toNanos(200));  // <= 0.25
        metrics.observe(SecurityMetrics.Endpoint.TOKEN, TimeUnit.SECONDS.toNanos(20));        // +Inf only
        String text = metrics.render(0, 0);
        String series = "mediahub_token_endpoint_duration_seconds";
        assertTrue(text.contains(series + "_bucket{endpoint=\"token\",le=\"0.005\"} 1\n"), text);
        assertTrue(text.contains(series + "_bucket{endpoint=\"token\",le=\"0.1\"} 1\n"), text);
        assertTrue(text.contains(series + "_bucket{endpoint=\"token\",le=\"0.25\"} 2\n"), text);
        assertTrue(text.contains(series + "_bucket{endpoint=\"token\",le=\"10.0\"} 2\n"), text);
        assertTrue(text.contains(series + "_bucket{endpoint=\"token\",le=\"+Inf\"} 3\n"), text);
        assertTrue(text.contains(series + "_sum{endpoint=\"token\"} 20.203\n"), text);
        assertTrue(text.contains(series + "_count{endpoint=\"token\"} 3\n"), text);
        assertTrue(text.contains(series + "_count{endpoint=\"refresh\"} 0\n"), text);
    }

    @Test
    void onlyTheTimedPathsAreEndpoints() {
        assertTrue(SecurityMetrics.Endpoint.of("/api/token") == SecurityMetrics.Endpoint.TOKEN);
        assertTrue(SecurityMetrics.Endpoint.of("/api/token/refresh") == SecurityMetrics.Endpoint.REFRESH);
        assertTrue(SecurityMetrics.Endpoint.of("/api/logout") == SecurityMetrics.Endpoint.LOGOUT);
        assertTrue(SecurityMetrics.Endpoint.of("/api/users") == null);
    }
}
