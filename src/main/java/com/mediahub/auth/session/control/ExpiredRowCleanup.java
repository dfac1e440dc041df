package com.mediahub.auth.session.control;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.mediahub.auth.password.control.LoginThrottle;
import com.mediahub.auth.session.entity.JpaRefreshTokenRepository;
import com.mediahub.config.Settings;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Deletes what has expired, every {@code [cleanup] interval_minutes} (default 15) on the
 * server's managed scheduler: refresh tokens past their expiry (contract section 6), remembered
 * consumed tokens past theirs, and failed-login counters whose window has passed. Deletes in
 * batches of {@code [cleanup] batch_size}, each its own transaction, so that a large backlog never
 * holds long locks. Every instance runs it; the DELETEs are idempotent.
 */
@ApplicationScoped
public class ExpiredRowCleanup {

    private static final Logger LOG = Logger.getLogger(ExpiredRowCleanup.class.getName());

    /** Rows deleted by one run. */
    public record Counts(int refreshTokens, int consumedTokens, int loginFailures) {
        int total() {
            return refreshTokens + consumedTokens + loginFailures;
        }
    }

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    JpaRefreshTokenRepository refreshTokens;
    @Inject
    LoginThrottle loginThrottle;
    @Inject
    Settings settings;
    @Inject
    Clock clock;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        long seconds = settings.cleanupInterval().toSeconds();
        task = scheduler.scheduleWithFixedDelay(this::runSafely, seconds, seconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void runSafely() {
        try {
            Counts counts = run();
            if (counts.total() > 0) {
                LOG.info(() -> "Clean-up deleted " + counts.refreshTokens() + " expired refresh tokens, "
                        + counts.consumedTokens() + " expired consumed-token records, "
                        + counts.loginFailures() + " stale failed-login counters");
            }
        } catch (RuntimeException e) {
            // The next run tries again; a database outage must not kill the schedule.
            LOG.log(Level.WARNING, "Clean-up failed: " + e.getMessage(), e);
        }
    }

    public Counts run() {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int batch = settings.cleanupBatch();
        return new Counts(
                inBatches(() -> refreshTokens.deleteExpired(now, batch), batch),
                inBatches(() -> refreshTokens.deleteExpiredConsumed(now, batch), batch),
                inBatches(() -> loginThrottle.deleteStale(batch), batch));
    }

    private static int inBatches(IntSupplier deleteBatch, int batch) {
        int total = 0;
        int deleted;
        do {
            deleted = deleteBatch.getAsInt();
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
