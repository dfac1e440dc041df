package com.mediahub.audit;

/**
 * Every security event the application records. The {@link #logName()} is what the audit log
 * says ({@code event=login.ok}); it is part of the log format operators parse, so it never
 * changes with a constant's name. Metrics count these (an enum, so a new event is a compile-time
 * choice for every {@code switch} over it, not a string that silently matches nothing).
 */
public enum AuditEvent {
    LOGIN_OK("login.ok"),
    LOGIN_FAILED("login.failed"),
    LOGIN_THROTTLED("login.throttled"),
    REFRESH_OK("refresh.ok"),
    REFRESH_REJECTED("refresh.rejected"),
    REFRESH_REPLAY_WITHIN_GRACE("refresh.replay_within_grace"),
    REFRESH_REUSE_DETECTED("refresh.reuse_detected"),
    LOGOUT("logout"),
    LOGOUT_ALL("logout_all"),
    SESSION_REVOKED("session.revoked"),
    SESSION_EVICTED("session.evicted"),
    SESSIONS_REVOKED_BY_ADMIN("sessions.revoked_by_admin"),
    USER_REGISTERED("user.registered"),
    USER_DELETED("user.deleted"),
    PASSWORD_CHANGED("password.changed"),
    /** An operator reset an admin's password with FDB_ADMIN_PASSWORD_RESET at start-up. */
    PASSWORD_RESET_AT_STARTUP("password.reset_at_startup"),
    /** A user confirmed a TOTP enrolment: sign-in needs a second factor from now on. */
    MFA_ENABLED("mfa.enabled"),
    /** A user turned TOTP off (with their password and a code). */
    MFA_DISABLED("mfa.disabled"),
    /** An admin removed a user's TOTP (a lost phone), which also ended the user's sessions. */
    MFA_RESET("mfa.reset"),
    /** The password was right but the second factor wrong (counted by the login throttle). */
    LOGIN_SECOND_FACTOR_FAILED("login.second_factor_failed"),
    /** A recovery code was spent, at sign-in or to change the second factor. */
    MFA_RECOVERY_CODE_USED("mfa.recovery_code_used"),
    /** A user made an app password (issue 19). */
    APP_PASSWORD_CREATED("app_password.created"),
    /** App passwords ended: one revoked by its owner or an admin, or all of a user's by a password change or a second-factor reset. */
    APP_PASSWORD_REVOKED("app_password.revoked"),
    /** Basic with a well-formed app password that is no app password of that user (counted by the login throttle). */
    LOGIN_APP_PASSWORD_FAILED("login.app_password_failed");

    private final String logName;

    AuditEvent(String logName) {
        this.logName = logName;
    }

    public String logName() {
        return logName;
    }
}
