package com.mediahub.auth.apppassword.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One app password of a user (table {@code app_passwords}): its name, whether it may only read,
 * and the SHA-256 of its value. The value itself is shown once, when it is made, and never kept.
 */
@Entity
@Table(name = "app_passwords")
public class AppPassword {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "read_only", nullable = false)
    private boolean readOnly;

    @Column(name = "password_hash", nullable = false, length = 64, unique = true)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    protected AppPassword() {
    }

    public AppPassword(long userId, String name, boolean readOnly, String passwordHash, OffsetDateTime createdAt) {
        this.userId = userId;
        this.name = name;
        this.readOnly = readOnly;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }
}
