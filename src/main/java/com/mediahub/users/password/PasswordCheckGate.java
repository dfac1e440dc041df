package com.mediahub.users.password;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.mediahub.config.AbuseLimits;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bounds the bcrypt work running at once (security review item 2): at most
 * {@code [auth] bcrypt_concurrency} hashes at a time, a few more waiting briefly, and beyond that
 * an immediate 503 with {@code Retry-After}. Without it a burst of password attempts would
 * queue without limit and starve every other request of CPU.
 */
@ApplicationScoped
public class PasswordCheckGate {

    @Inject
    AbuseLimits limits;

    private Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();

    public PasswordCheckGate() {
    }

    /** For unit tests. */
    PasswordCheckGate(AbuseLimits limits) {
        this.limits = limits;
        init();
    }

    @PostConstruct
    void init() {
        slots = new Semaphore(limits.bcryptConcurrency(), true);
    }

    /** Runs {@code work} in a slot, or throws the 503 {@link ErrorCatalogue#PASSWORD_CHECKS_BUSY}. */
    public <T> T run(Supplier<T> work) {
        if (!slots.tryAcquire()) {
            waitForSlot();
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private void waitForSlot() {
        if (waiting.incrementAndGet() > limits.bcryptMaxWaiting()) {
            waiting.decrementAndGet();
            throw new ApiException(ErrorCatalogue.PASSWORD_CHECKS_BUSY);
        }
        try {
            if (!slots.tryAcquire(limits.bcryptMaxWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ApiException(ErrorCatalogue.PASSWORD_CHECKS_BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCatalogue.PASSWORD_CHECKS_BUSY);
        } finally {
            waiting.decrementAndGet();
        }
    }
}
