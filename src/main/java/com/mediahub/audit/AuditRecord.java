package com.mediahub.audit;

/**
 * One recorded security event, as fired to CDI observers (metrics counts them) before the log
 * line is written. Ids only: never a username, token, hash or password.
 *
 * @param userId    the user concerned, or {@code null} (a failed login names nobody)
 * @param sessionId the session (token family) concerned, or {@code null}
 */
public record AuditRecord(AuditEvent event, Long userId, Long sessionId) {
}
