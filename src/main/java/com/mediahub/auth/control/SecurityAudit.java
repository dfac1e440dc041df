package com.mediahub.auth.control;

import java.io.IOException;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.mediahub.config.ConfigurationException;
import com.mediahub.config.OperationsSettings;
import com.mediahub.metrics.control.SecurityMetrics;
import com.mediahub.platform.json.Jsons;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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

    private FileHandler auditFile;

    @PostConstruct
    void openAuditFile() {
        if (settings.auditFile() == null) {
            return;
        }
        try {
            auditFile = new FileHandler(settings.auditFile().toString(), true);
            auditFile.setEncoding("UTF-8");
        } catch (IOException e) {
            throw new ConfigurationException("Cannot open the audit file " + settings.auditFile() + " ([log] audit_file): "
                    + e.getMessage(), e);
        }
        auditFile.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        });
        AUDIT.addHandler(auditFile);
    }

    @PreDestroy
    void closeAuditFile() {
        if (auditFile != null) {
            AUDIT.removeHandler(auditFile);
            auditFile.close();
        }
    }

    public void record(String event, Long userId, Long sessionId) {
        metrics.event(event);
        String address = clientAddress();
        if (settings.auditJson()) {
            AUDIT.info(() -> json(event, userId, sessionId, address));
        } else {
            AUDIT.info(() -> "event=" + event + " user=" + (userId == null ? "-" : userId) + " address=" + address
                    + " session=" + (sessionId == null ? "-" : sessionId));
        }
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
