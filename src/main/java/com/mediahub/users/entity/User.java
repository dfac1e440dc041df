package com.mediahub.users.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user account (table {@code users}). Refresh tokens and databases go with it (FK ON DELETE CASCADE). */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Convert(converter = RolesConverter.class)
    @Column(nullable = false, length = 100)
    private Set<String> roles = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** Counted up by a password change or logout-all: access tokens of older versions are refused. */
    @Column(name = "token_version", nullable = false)
    private int tokenVersion;

    /** {@link Usernames#lookupKey}: what logins and uniqueness compare (unique). */
    @Column(name = "username_key", length = 256)
    private String usernameKey;

    /** {@link Usernames#skeleton} of the key: what look-alike checks compare (unique). */
    @Column(name = "username_skeleton", length = 1024)
    private String usernameSkeleton;

    protected User() {
    }

    /** @param createdAt now, from the application clock */
    public User(String username, String passwordHash, Set<String> roles, OffsetDateTime createdAt) {
        this.username = username;
        this.usernameKey = Usernames.lookupKey(username);
        this.usernameSkeleton = Usernames.skeleton(usernameKey);
        this.passwordHash = passwordHash;
        this.roles = new TreeSet<>(roles);
        this.createdAt = createdAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS); // what the database keeps
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<String> getRoles() {
        return new TreeSet<>(roles);
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public int getTokenVersion() {
        return tokenVersion;
    }
}
