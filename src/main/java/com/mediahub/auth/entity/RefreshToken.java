package com.mediahub.auth.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One live refresh token (table {@code refresh_tokens}, the allow-list): only the SHA-256 hex of
 * the token is stored, never the token. The row goes when the token is rotated, logged out,
 * expired (clean-up), its session revoked, or its user deleted (ON DELETE CASCADE).
 *
 * <p>Every token belongs to a family (a session): the login starts one, whose id is the id of
 * its first token, and each rotation hands the family's fields on to the successor with the
 * generation counted up. A family never outlives {@code familyExpiry}.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    /**
     * From a sequence rather than an identity column, so that a login knows its family id before
     * the INSERT. Each sequence value is the top of a block of 50 ids (hence START WITH 50
     * INCREMENT BY 50 in the schema), as EclipseLink and Hibernate both read it.
     */
    @Id
    @SequenceGenerator(name = "refresh_token_ids", sequenceName = "refresh_token_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "refresh_token_ids")
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

    protected RefreshToken() {
    }

    /** A token of an existing family, or (with {@code familyId} null) the first token of a new one. */
    public RefreshToken(long userId, String tokenHash, OffsetDateTime createdAt, OffsetDateTime expiry, Family family,
                        String userAgent) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiry = expiry;
        this.familyId = family.id();
        this.familyCreatedAt = family.createdAt();
        this.familyExpiry = family.expiry();
        this.generation = family.generation();
        this.userAgent = userAgent;
    }

    /** Called after persist: the first token's own id names its family. */
    void startFamilyIfNew() {
        if (familyId == null) {
            familyId = id;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
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
