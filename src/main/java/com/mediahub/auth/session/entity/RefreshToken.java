package com.mediahub.auth.session.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One live refresh token (table {@code refresh_tokens}, the allow-list): only the SHA-256 hex of
 * the token is stored, never the token. The row goes when the token is rotated, logged out,
 * expired (clean-up), its session revoked, or its user deleted (ON DELETE CASCADE).
 *
 * <p>Every token belongs to a family (a session): the login starts one with a new random id,
 * and each rotation hands the family's fields on to the successor with the generation counted
 * up. A family never outlives {@code familyExpiry}.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false)
    private OffsetDateTime expiry;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "family_id", nullable = false)
    private Long familyId;

    @Column(name = "family_created_at", nullable = false)
    private OffsetDateTime familyCreatedAt;

    @Column(name = "family_expiry", nullable = false)
    private OffsetDateTime familyExpiry;

    @Column(nullable = false)
    private int generation;

    @Column(name = "user_agent", length = 256)
    private String userAgent;

    @Column(nullable = false, length = 32)
    private String amr;

    /** The user's token version the session was signed in under (see {@link ConsumeStatement#DELETE}). */
    @Column(name = "token_version")
    private Integer tokenVersion;

    protected RefreshToken() {
    }

    /** A token of {@code family}, which it inherits from its predecessor or starts at a login. */
    public RefreshToken(long userId, String tokenHash, OffsetDateTime createdAt, OffsetDateTime expiry, Family family,
                        String userAgent, int tokenVersion) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiry = expiry;
        this.familyId = family.id();
        this.familyCreatedAt = family.createdAt();
        this.familyExpiry = family.expiry();
        this.generation = family.generation();
        this.userAgent = userAgent;
        this.amr = family.amr();
        this.tokenVersion = tokenVersion;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    /** What this token hands on to its successor. */
    public Family getFamily() {
        return new Family(familyId, familyCreatedAt, familyExpiry, generation, amr);
    }

    public Long getFamilyId() {
        return familyId;
    }

    public OffsetDateTime getExpiry() {
        return expiry;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getFamilyCreatedAt() {
        return familyCreatedAt;
    }

    public String getUserAgent() {
        return userAgent;
    }
}
