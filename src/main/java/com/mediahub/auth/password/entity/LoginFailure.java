package com.mediahub.auth.password.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Failed logins counted for one key ({@code user:<name>}, {@code address:<network>},
 * {@code pair:<hash>}) in a window that starts at the first attempt, and the checks in flight
 * (table {@code login_failures}); also the networks users signed in from ({@code known:<hash>}). Stored in the database so
 * that every instance sees the same counts, also after a restart.
 */
@Entity
@Table(name = "login_failures")
public class LoginFailure {

    @Id
    @Column(name = "throttle_key", length = 320)
    private String key;

    @Column(nullable = false)
    private int failures;

    /** Password checks of this key in flight (counted before bcrypt, ended by success or failure). */
    @Column(nullable = false)
    private int pending;

    @Column(name = "window_start", nullable = false)
    private OffsetDateTime windowStart;

    protected LoginFailure() {
    }

    public LoginFailure(String key, OffsetDateTime windowStart) {
        this.key = key;
        this.failures = 1;
        this.windowStart = windowStart;
    }

    public String getKey() {
        return key;
    }

    public int getFailures() {
        return failures;
    }

    public OffsetDateTime getWindowStart() {
        return windowStart;
    }
}
