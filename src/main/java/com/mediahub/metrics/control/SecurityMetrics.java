package com.mediahub.metrics.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.AuditRecord;
import com.mediahub.platform.rest.DeployedRoutes;
import com.mediahub.platform.rest.Route;
import com.mediahub.platform.rest.Routes;
import com.mediahub.platform.rest.TimedEndpoint;
import com.mediahub.security.BasicAuthenticated;
import com.mediahub.security.CallerIdentity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The series behind {@code /api/metrics}, kept by the Prometheus client library in a registry of
 * this application's own (never the library's global default: two applications in one server
 * must not share counters). Audit events arrive as CDI events; counts are per instance and start
 * at zero with the process, as Prometheus expects of counters (its {@code rate()} handles the
 * reset).
 */
@ApplicationScoped
public class SecurityMetrics {

    /** Upper bounds in seconds: bcrypt at cost 12 is ~0.25 s, a refresh a few milliseconds. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter logins = Counter.builder().name("mediahub_logins_total")
            .help("Password checks: ok = tokens issued at POST /api/token; failed and throttled = refused logins and Basic requests anywhere, app passwords included.")
            .labelNames("result").register(registry);
    private final Counter refreshes = Counter.builder().name("mediahub_refreshes_total")
            .help("Refresh attempts, by result (rejected: unknown, expired or replayed token; reuse_detected: session revoked).")
            .labelNames("result").register(registry);
    private final Counter logouts = Counter.builder().name("mediahub_logouts_total")
            .help("Logouts of one session, and logouts of all of a user's sessions.")
            .labelNames("scope").register(registry);
    private final Counter registrations = Counter.builder().name("mediahub_registrations_total")
            .help("Self-registrations (only when [auth] registration = \"open\").").register(registry);
    private final Counter secondFactor = Counter.builder().name("mediahub_second_factor_total")
            .help("Two-factor events: enabled, disabled, reset by an admin, a wrong code at sign-in, a recovery code used.")
            .labelNames("event").register(registry);
    private final Counter basicRequests = Counter.builder().name("mediahub_basic_requests_total")
            .help("Requests to resource endpoints let in with Basic, by kind of credential: the account password or an app password.")
            .labelNames("kind").register(registry);
    // Every series exists from the start, at zero, so that a dashboard never sees one appear.
    private final CounterDataPoint loginOk = logins.labelValues("ok");
    private final CounterDataPoint loginFailed = logins.labelValues("failed");
    private final CounterDataPoint loginThrottled = logins.labelValues("throttled");
    private final CounterDataPoint refreshOk = refreshes.labelValues("ok");
    private final CounterDataPoint refreshRejected = refreshes.labelValues("rejected");
    private final CounterDataPoint refreshReuse = refreshes.labelValues("reuse_detected");
    private final CounterDataPoint logoutSession = logouts.labelValues("session");
    private final CounterDataPoint logoutAll = logouts.labelValues("all");
    private final CounterDataPoint mfaEnabled = secondFactor.labelValues("enabled");
    private final CounterDataPoint mfaDisabled = secondFactor.labelValues("disabled");
    private final CounterDataPoint mfaReset = secondFactor.labelValues("reset");
    private final CounterDataPoint secondFactorFailed = secondFactor.labelValues("login_failed");
    private final CounterDataPoint recoveryCodeUsed = secondFactor.labelValues("recovery_code_used");
    private final CounterDataPoint basicByPassword = basicRequests.labelValues("password");
    private final CounterDataPoint basicByAppPassword = basicRequests.labelValues("app_password");
    private final Histogram durations = Histogram.builder().name("mediahub_token_endpoint_duration_seconds")
            .help("Time from request to response at the token, refresh and logout endpoints, authentication included.")
            .classicOnly().classicUpperBounds(BUCKETS).labelNames("endpoint").register(registry);
    private final Gauge liveRefreshTokens = Gauge.builder().name("mediahub_refresh_tokens_live")
            .help("Unexpired refresh tokens in the database (all instances).").register(registry);
    private final Gauge liveSessions = Gauge.builder().name("mediahub_sessions_live")
            .help("Sessions (token families) with an unexpired refresh token.").register(registry);
    private final PrometheusTextFormatWriter format = PrometheusTextFormatWriter.create();

    @Inject
    DeployedRoutes deployedRoutes;

    /** A route marked {@code @TimedEndpoint}, by its path. */
    private record Timed(String httpMethod, String label) {
    }

    private Map<String, Timed> timed = Map.of();

    public SecurityMetrics() {
    }

    /** For unit tests: metrics of these routes, without CDI. */
    public SecurityMetrics(Routes routes) {
        this();
        timeEndpointsOf(routes);
    }

    @PostConstruct
    void readTimedRoutes() {
        timeEndpointsOf(deployedRoutes.get());
    }

    private void timeEndpointsOf(Routes routes) {
        Map<String, Timed> found = new HashMap<>();
        for (Route route : routes.all()) {
            TimedEndpoint endpoint = route.resourceMethod().getAnnotation(TimedEndpoint.class);
            if (endpoint != null) {
                if (route.template().contains("{")) {
                    throw new IllegalStateException("@TimedEndpoint needs a path without parameters: " + route);
                }
                found.put(route.template(), new Timed(route.httpMethod(), endpoint.value()));
                durations.labelValues(endpoint.value());
            }
        }
        timed = Map.copyOf(found);
    }

    /** The endpoint label of a request, or null if it is not timed (one map lookup, no allocation). */
    public String timedEndpoint(String httpMethod, String path) {
        Timed route = timed.get(path);
        return route != null && route.httpMethod().equals(httpMethod) ? route.label() : null;
    }

    /**
     * Counts an audit event. A switch expression over the enum must name every event (there is
     * no default), so a new event does not compile until it is given a series or, explicitly,
     * none.
     */
    void count(@Observes AuditRecord record) {
        CounterDataPoint series = switch (record.event()) {
            case LOGIN_OK -> loginOk;
            case LOGIN_FAILED, LOGIN_APP_PASSWORD_FAILED -> loginFailed; // a wrong app password is a failed login
            case LOGIN_THROTTLED -> loginThrottled;
            case REFRESH_OK -> refreshOk;
            case REFRESH_REJECTED, REFRESH_REPLAY_WITHIN_GRACE -> refreshRejected;
            case REFRESH_REUSE_DETECTED -> refreshReuse;
            case LOGOUT, SESSION_REVOKED -> logoutSession;
            case LOGOUT_ALL -> logoutAll;
            case USER_REGISTERED -> registrations;
            case MFA_ENABLED -> mfaEnabled;
            case MFA_DISABLED -> mfaDisabled;
            case MFA_RESET -> mfaReset;
            case LOGIN_SECOND_FACTOR_FAILED -> secondFactorFailed;
            case MFA_RECOVERY_CODE_USED -> recoveryCodeUsed;
            case SESSION_EVICTED, SESSIONS_REVOKED_BY_ADMIN, USER_DELETED, PASSWORD_CHANGED, PASSWORD_RESET_AT_STARTUP,
                    APP_PASSWORD_CREATED, APP_PASSWORD_REVOKED -> null; // the audit log only
        };
        if (series != null) {
            series.inc();
        }
    }

    /** Counts a Basic request to a resource endpoint by its kind of credential. */
    void count(@Observes BasicAuthenticated basic) {
        (basic.credential() == CallerIdentity.Credential.APP_PASSWORD ? basicByAppPassword : basicByPassword).inc();
    }

    /** For callers outside CDI (unit tests): what the observer does. */
    public void event(AuditEvent event) {
        count(new AuditRecord(event, null, null));
    }

    public void observe(String endpoint, long nanos) {
        durations.labelValues(endpoint).observe(nanos / 1e9);
    }

    /** The Prometheus text exposition format (version 0.0.4), with the gauges read just now. */
    public String render(long liveRefreshTokens, long liveSessions) {
        this.liveRefreshTokens.set(liveRefreshTokens);
        this.liveSessions.set(liveSessions);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            format.write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
