package com.mediahub.audit;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.mediahub.config.OperationsSettings;
import com.mediahub.platform.json.Jsons;
import com.mediahub.security.CallerIdentity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One log line per security event, on the logger {@code mediahub.audit}:
 * {@code event=<name> user=<id> address=<client address> session=<family id>}, or with
 * {@code [log] format = "json"} one JSON object ({@code {"time":..., "event":..., "user":...,
 * "address":..., "session":...}}) for log shippers; with {@code [log] audit_file} the same lines,
 * and nothing else, also go to that file. It takes ids only: no username of a failed attempt,
 * and never a token, hash or password. Every event is also fired as an {@link AuditRecord} to
 * CDI observers (metrics counts them), synchronously: an observer runs in the caller's
 * transaction and thread, and the event is counted even when logging is off.
 */
@ApplicationScoped
public class SecurityAudit {

    private static final Logger AUDIT = Logger.getLogger("mediahub.audit");

    @Inject
    HttpServletRequest request;
    @Inject
    Event<AuditRecord> observers;
    @Inject
    OperationsSettings settings;
    @Inject
    AuditFile auditFile;
    @Inject
    Clock clock;

    public void record(AuditEvent event, Long userId, Long sessionId) {
        observers.fire(new AuditRecord(event, userId, sessionId));
        String address = clientAddress();
        if (!auditFile.enabled() && !AUDIT.isLoggable(Level.INFO)) {
            return;
        }
        String line = settings.auditJson() ? json(event, userId, sessionId, address)
                : "event=" + event.logName() + " user=" + (userId == null ? "-" : userId) + " address=" + address
                + " session=" + (sessionId == null ? "-" : sessionId);
        AUDIT.info(line);
        auditFile.append(line);
    }

    private String json(AuditEvent event, Long userId, Long sessionId, String address) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder()
                .add("time", clock.instant().toString())
                .add("event", event.logName());
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

    public void record(AuditEvent event, CallerIdentity caller) {
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
