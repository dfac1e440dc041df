package com.mediahub.auth.control;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One log line per security event, on the logger {@code mediahub.audit}:
 * {@code event=<name> user=<id> address=<client address> session=<family id>}. It takes ids
 * only: no username of a failed attempt, and never a token, hash or password.
 */
@ApplicationScoped
public class SecurityAudit {

    private static final Logger AUDIT = Logger.getLogger("mediahub.audit");

    @Inject
    HttpServletRequest request;

    public void record(String event, Long userId, Long sessionId) {
        String address = clientAddress();
        AUDIT.info(() -> "event=" + event + " user=" + (userId == null ? "-" : userId) + " address=" + address
                + " session=" + (sessionId == null ? "-" : sessionId));
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
