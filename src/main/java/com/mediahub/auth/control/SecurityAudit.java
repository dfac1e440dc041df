package com.mediahub.auth.control;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.mediahub.config.OperationsSettings;
import com.mediahub.metrics.control.SecurityMetrics;
import com.mediahub.platform.json.Jsons;

import jakarta.json.JsonObjectBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One log line per security event, on the logger {@code mediahub.audit}:
 * {@code event=<name> user=<id> address=<client address> session=<family id>}, or with
 * {@code [log] format = "json"} one JSON object ({@code {"time":..., "event":..., "user":...,
 * "address":..., "session":...}}) for log shippers; with {@code [log] audit_file} the same lines,
 * and nothing else, also go to that file. It takes ids only: no username of a failed attempt,
 * and never a token, hash or password. Every event is also counted for the metrics.
 */
@ApplicationScoped
public class SecurityAudit {

    private static final Logger AUDIT = Logger.getLogger("mediahub.audit");

    @Inject
    HttpServletRequest request;
    @Inject
    SecurityMetrics metrics;
    @Inject
    OperationsSettings settings;
    @Inject
    AuditFile auditFile;

    public void record(String event, Long userId, Long sessionId) {
        metrics.event(event);
        String address = clientAddress();
        if (!auditFile.enabled() && !AUDIT.isLoggable(Level.INFO)) {
            return;
        }
        String line = settings.auditJson() ? json(event, userId, sessionId, address)
                : "event=" + event + " user=" + (userId == null ? "-" : userId) + " address=" + address
                + " session=" + (sessionId == null ? "-" : sessionId);
        AUDIT.info(line);
        auditFile.append(line);
    }

    private static String json(String event, Long userId, Long sessionId, String address) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder()
                .add("time", Instant.now().toString())
                .add("event", event);
        if (userId == null) {
            json.addNull("user");
        } else {
            json.add("user", userId);
        }
        json.add("address", address);
        if (sessionId == null) {
            json.addNull("session");
        } else {
            json.add("session", sessionId);
        }
        return json.build().toString();
    }

    public void record(String event, CallerIdentity caller) {
        record(event, caller.id(), caller.sessionId());
    }

    private String clientAddress() {
        try {
            return request.getRemoteAddr();
        } catch (RuntimeException noRequest) {
            return "-";
        }
    }
}
