package com.mediahub.auth.mfa.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's TOTP enrolment (table {@code totp_enrolments}): the secret as AES-GCM ciphertext, and
 * when it was confirmed with a code; until then it is pending and does not guard sign-in.
 */
@Entity
@Table(name = "totp_enrolments")
public class TotpEnrolment {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false, length = 200)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    protected TotpEnrolment() {
    }

    public TotpEnrolment(long userId, String encryptedSecret, OffsetDateTime createdAt) {
        this.userId = userId;
        this.secret = encryptedSecret;
        this.createdAt = createdAt;
    }

    public long getUserId() {
        return userId;
    }

    public String getEncryptedSecret() {
        return secret;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    /** A new pending enrolment in place of this pending one (asking again replaces it). */
    public void restart(String encryptedSecret, OffsetDateTime now) {
        secret = encryptedSecret;
        createdAt = now;
        confirmedAt = null;
    }

    public void confirm(OffsetDateTime now) {
        confirmedAt = now;
    }
}
