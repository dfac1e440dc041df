package com.mediahub.metrics.control;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The counters behind {@code /api/metrics}. Every event costs one {@link LongAdder#increment()}
 * (no lock, no allocation); a token-endpoint request adds two more for its latency bucket and
 * sum. Counts are per instance and start at zero with the process, as Prometheus expects of
 * counters (its {@code rate()} handles the reset).
 */
@ApplicationScoped
public class SecurityMetrics {

    /** The counter series, each fed by one or more audit events. */
    enum Series {
        LOGIN_OK("mediahub_logins_total", "result=\"ok\""),
        LOGIN_FAILED("mediahub_logins_total", "result=\"failed\""),
        LOGIN_THROTTLED("mediahub_logins_total", "result=\"throttled\""),
        REFRESH_OK("mediahub_refreshes_total", "result=\"ok\""),
        REFRESH_REJECTED("mediahub_refreshes_total", "result=\"rejected\""),
        REFRESH_REUSE_DETECTED("mediahub_refreshes_total", "result=\"reuse_detected\""),
        LOGOUT("mediahub_logouts_total", "scope=\"session\""),
        LOGOUT_ALL("mediahub_logouts_total", "scope=\"all\""),
        REGISTRATION("mediahub_registrations_total", null);

        final String name;
        final String labels;

        Series(String name, String labels) {
            this.name = name;
            this.labels = labels;
        }
    }

    /** Upper bounds in seconds: bcrypt at cost 12 is ~0.25 s, a refresh a few milliseconds. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** The timed endpoints. */
    public enum Endpoint {
        TOKEN("/api/token"), REFRESH("/api/token/refresh"), LOGOUT("/api/logout");

        final String path;

        Endpoint(String path) {
            this.path = path;
        }

        /** The endpoint of a path inside the application, or null (a plain comparison, no allocation). */
        public static Endpoint of(String path) {
            for (Endpoint endpoint : values()) {
                if (endpoint.path.equals(path)) {
                    return endpoint;
                }
            }
            return null;
        }
    }

    private final LongAdder[] counters = new LongAdder[Series.values().length];
    /** [endpoint][bucket]: requests in that bucket only (made cumulative when rendered); last = +Inf. */
    private final LongAdder[][] buckets = new LongAdder[Endpoint.values().length][BUCKETS.length + 1];
    private final LongAdder[] sumNanos = new LongAdder[Endpoint.values().length];

    public SecurityMetrics() {
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
        for (int e = 0; e < buckets.length; e++) {
            sumNanos[e] = new LongAdder();
            for (int b = 0; b < buckets[e].length; b++) {
                buckets[e][b] = new LongAdder();
            }
        }
    }

    /** Counts an audit event (see SecurityAudit); events without a series are ignored. */
    public void event(String auditEvent) {
        Series series = switch (auditEvent) {
            case "login.ok" -> Series.LOGIN_OK;
            case "login.failed" -> Series.LOGIN_FAILED;
            case "login.throttled" -> Series.LOGIN_THROTTLED;
            case "refresh.ok" -> Series.REFRESH_OK;
            case "refresh.rejected", "refresh.replay_within_grace" -> Series.REFRESH_REJECTED;
            case "refresh.reuse_detected" -> Series.REFRESH_REUSE_DETECTED;
            case "logout", "session.revoked" -> Series.LOGOUT;
            case "logout_all" -> Series.LOGOUT_ALL;
            case "user.registered" -> Series.REGISTRATION;
            default -> null;
        };
        if (series != null) {
            counters[series.ordinal()].increment();
        }
    }

    public void observe(Endpoint endpoint, long nanos) {
        double seconds = nanos / 1e9;
        int bucket = 0;
        while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]) {
            bucket++;
        }
        buckets[endpoint.ordinal()][bucket].increment();
        sumNanos[endpoint.ordinal()].add(nanos);
    }

    /** The Prometheus text exposition format (version 0.0.4), with the gauges read just now. */
    public String render(long liveRefreshTokens, long liveSessions) {
        StringBuilder out = new StringBuilder(4096);
        header(out, "mediahub_logins_total", "counter",
                "Password checks: ok = tokens issued at POST /api/token; failed and throttled = refused logins and Basic requests anywhere.");
        sample(out, Series.LOGIN_OK, Series.LOGIN_FAILED, Series.LOGIN_THROTTLED);
        header(out, "mediahub_refreshes_total", "counter",
                "Refresh attempts, by result (rejected: unknown, expired or replayed token; reuse_detected: session revoked).");
        sample(out, Series.REFRESH_OK, Series.REFRESH_REJECTED, Series.REFRESH_REUSE_DETECTED);
        header(out, "mediahub_logouts_total", "counter", "Logouts of one session, and logouts of all of a user's sessions.");
        sample(out, Series.LOGOUT, Series.LOGOUT_ALL);
        header(out, "mediahub_registrations_total", "counter", "Self-registrations (only when [auth] registration = \"open\").");
        sample(out, Series.REGISTRATION);

        header(out, "mediahub_token_endpoint_duration_seconds", "histogram",
                "Time from request to response at the token, refresh and logout endpoints, authentication included.");
        for (Endpoint endpoint : Endpoint.values()) {
            String label = "endpoint=\"" + endpoint.name().toLowerCase(Locale.ROOT) + "\"";
            long cumulative = 0;
            for (int b = 0; b <= BUCKETS.length; b++) {
                cumulative += buckets[endpoint.ordinal()][b].sum();
                String le = b < BUCKETS.length ? Double.toString(BUCKETS[b]) : "+Inf";
                out.append("mediahub_token_endpoint_duration_seconds_bucket{").append(label).append(",le=\"").append(le)
                        .append("\"} ").append(cumulative).append('\n');
            }
            out.append("mediahub_token_endpoint_duration_seconds_sum{").append(label).append("} ")
                    .append(sumNanos[endpoint.ordinal()].sum() / (double) TimeUnit.SECONDS.toNanos(1)).append('\n');
            out.append("mediahub_token_endpoint_duration_seconds_count{").append(label).append("} ")
                    .append(cumulative).append('\n');
        }
        header(out, "mediahub_refresh_tokens_live", "gauge", "Unexpired refresh tokens in the database (all instances).");
        out.append("mediahub_refresh_tokens_live ").append(liveRefreshTokens).append('\n');
        header(out, "mediahub_sessions_live", "gauge", "Sessions (token families) with an unexpired refresh token.");
        out.append("mediahub_sessions_live ").append(liveSessions).append('\n');
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(StringBuilder out, Series... series) {
        for (Series s : series) {
            out.append(s.name);
            if (s.labels != null) {
                out.append('{').append(s.labels).append('}');
            }
            out.append(' ').append(counters[s.ordinal()].sum()).append('\n');
        }
    }
}
