package com.mediahub.auth.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

import com.mediahub.auth.entity.JpaRefreshTokenRepository;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Deletes expired refresh tokens every 15 minutes (contract section 6), on the server's own EJB
 * timer service. Non-persistent: every instance runs it; the DELETE is idempotent, so two
 * instances doing it at once is harmless.
 */
@Singleton
public class ExpiredRefreshTokenCleanup {

    private static final Logger LOG = Logger.getLogger(ExpiredRefreshTokenCleanup.class.getName());

    @Inject
    JpaRefreshTokenRepository refreshTokens;

    @Schedule(minute = "*/15", hour = "*", persistent = false)
    public void deleteExpired() {
        int deleted = refreshTokens.deleteExpired(OffsetDateTime.now(ZoneOffset.UTC));
        if (deleted > 0) {
            LOG.info(() -> "Deleted " + deleted + " expired refresh tokens");
        }
    }
}
