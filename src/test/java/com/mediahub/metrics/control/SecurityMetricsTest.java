package com.mediahub.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.mediahub.audit.AuditEvent;
import com.mediahub.metrics.PrometheusText;
import com.mediahub.platform.rest.ResourceClasses;
import com.mediahub.security.BasicAuthenticated;
import com.mediahub.security.CallerIdentity;

/** The scrape, read back with a strict parser of the text format: the series move as events arrive. */
class SecurityMetricsTest {

    @Test
    void auditEventsFeedTheirSeriesAndEventsWithoutASeriesAreIgnored() {
        SecurityMetrics metrics = new SecurityMetrics(ResourceClasses.routes());
        Map<String, Double> before = PrometheusText.parse(metrics.render(0, 0));
        assertEquals(11 + 2 + 5 + 3 * 14, before.size(), "every series from the start, at zero");
        metrics.event(AuditEvent.LOGIN_OK);
        metrics.event(AuditEvent.LOGIN_OK);
        metrics.event(AuditEvent.REFRESH_REPLAY_WITHIN_GRACE);
        metrics.event(AuditEvent.REFRESH_REJECTED);
        metrics.event(AuditEvent.SESSION_REVOKED);
        metrics.event(AuditEvent.PASSWORD_CHANGED);
        metrics.event(AuditEvent.USER_REGISTERED);
        metrics.event(AuditEvent.LOGIN_SECOND_FACTOR_FAILED);
        metrics.event(AuditEvent.MFA_RECOVERY_CODE_USED);
        metrics.event(AuditEvent.MFA_RECOVERY_CODE_USED);
        metrics.event(AuditEvent.LOGIN_APP_PASSWORD_FAILED);
        metrics.event(AuditEvent.APP_PASSWORD_CREATED);
        metrics.count(new BasicAuthenticated(CallerIdentity.Credential.APP_PASSWORD));
        metrics.count(new BasicAuthenticated(CallerIdentity.Credential.APP_PASSWORD));
        metrics.count(new BasicAuthenticated(CallerIdentity.Credential.PASSWORD));
        String text = metrics.render(7, 3);
        Map<String, Double> after = PrometheusText.parse(text);

        assertEquals(0.0, before.get("mediahub_logins_total{result=\"ok\"}"), text);
        assertEquals(2.0, after.get("mediahub_logins_total{result=\"ok\"}"), text);
        assertEquals(1.0, after.get("mediahub_logins_total{result=\"failed\"}"), "a wrong app password is a failed login: " + text);
        assertEquals(0.0, after.get("mediahub_logins_total{result=\"throttled\"}"), text);
        assertEquals(2.0, after.get("mediahub_refreshes_total{result=\"rejected\"}"), text);
        assertEquals(0.0, after.get("mediahub_refreshes_total{result=\"reuse_detected\"}"), text);
        assertEquals(1.0, after.get("mediahub_logouts_total{scope=\"session\"}"), text);
        assertEquals(0.0, after.get("mediahub_logouts_total{scope=\"all\"}"), text);
        assertEquals(1.0, after.get("mediahub_registrations_total"), text);
        assertEquals(7.0, after.get("mediahub_refresh_tokens_live"), text);
        assertEquals(3.0, after.get("mediahub_sessions_live"), text);
        assertEquals(1.0, after.get("mediahub_second_factor_total{event=\"login_failed\"}"), text);
        assertEquals(2.0, after.get("mediahub_second_factor_total{event=\"recovery_code_used\"}"), text);
        assertEquals(0.0, after.get("mediahub_second_factor_total{event=\"enabled\"}"), text);
        assertEquals(0.0, before.get("mediahub_basic_requests_total{kind=\"app_password\"}"), text);
        assertEquals(2.0, after.get("mediahub_basic_requests_total{kind=\"app_password\"}"), text);
        assertEquals(1.0, after.get("mediahub_basic_requests_total{kind=\"password\"}"), text);
        // Nothing else: the same series as the hand-written format had (no _created, no extras).
        assertEquals(11 + 2 + 5 + 3 * 14, after.size(), text);
    }

    @Test
    void everyAuditEventIsEitherCountedOnceOrNotAtAll() {
        for (AuditEvent event : AuditEvent.values()) {
            SecurityMetrics metrics = new SecurityMetrics(ResourceClasses.routes());
            Map<String, Double> before = PrometheusText.parse(metrics.render(0, 0));
            metrics.event(event);
            Map<String, Double> after = PrometheusText.parse(metrics.render(0, 0));
            double moved = after.keySet().stream().mapToDouble(series -> after.get(series) - before.get(series)).sum();
            assertTrue(moved == 0 || moved == 1, event + " moved the counters by " + moved);
        }
    }

    @Test
    void theHistogramIsCumulativeWithSumAndCount() {
        SecurityMetrics metrics = new SecurityMetrics(ResourceClasses.routes());
        metrics.observe("token", TimeUnit.MILLISECONDS.toNanos(3));    // <= 0.005
        metrics.observe("token", TimeUnit.MILLISECONDS.toNanos(200));  // <= 0.25
        metrics.observe("token", TimeUnit.SECONDS.toNanos(20));        // +Inf only
        String text = metrics.render(0, 0);
        Map<String, Double> samples = PrometheusText.parse(text);
        String series = "mediahub_token_endpoint_duration_seconds";
        assertEquals(1.0, samples.get(series + "_bucket{endpoint=\"token\",le=\"0.005\"}"), text);
        assertEquals(1.0, samples.get(series + "_bucket{endpoint=\"token\",le=\"0.1\"}"), text);
        assertEquals(2.0, samples.get(series + "_bucket{endpoint=\"token\",le=\"0.25\"}"), text);
        assertEquals(2.0, samples.get(series + "_bucket{endpoint=\"token\",le=\"10.0\"}"), text);
        assertEquals(3.0, samples.get(series + "_bucket{endpoint=\"token\",le=\"+Inf\"}"), text);
        assertEquals(20.203, samples.get(series + "_sum{endpoint=\"token\"}"), 1e-9, text);
        assertEquals(3.0, samples.get(series + "_count{endpoint=\"token\"}"), text);
        assertEquals(0.0, samples.get(series + "_count{endpoint=\"refresh\"}"), text);
    }

    @Test
    void theStrictParserRefusesWhatPrometheusWouldNot() {
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("mediahub_x 1\n"), "no TYPE");
        assertThrows(IllegalArgumentException.class,
                () -> PrometheusText.parse("# TYPE a counter\na_total{result=ok} 1\n"), "unquoted label");
        assertThrows(IllegalArgumentException.class,
                () -> PrometheusText.parse("# TYPE a gauge\na 1\na 2\n"), "series twice");
        assertThrows(IllegalArgumentException.class,
                () -> PrometheusText.parse("# TYPE a gauge\na one\n"), "value");
    }

    @Test
    void theTimedEndpointsAreTheRoutesMarkedSo() {
        SecurityMetrics metrics = new SecurityMetrics(ResourceClasses.routes());
        assertEquals("token", metrics.timedEndpoint("POST", "/api/token"));
        assertEquals("refresh", metrics.timedEndpoint("POST", "/api/token/refresh"));
        assertEquals("logout", metrics.timedEndpoint("POST", "/api/logout"));
        assertNull(metrics.timedEndpoint("GET", "/api/token"));
        assertNull(metrics.timedEndpoint("POST", "/api/users"));
    }
}
