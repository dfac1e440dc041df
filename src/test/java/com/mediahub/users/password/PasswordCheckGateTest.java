package com.mediahub.users.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.mediahub.config.AbuseLimits;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;

/** Review item 2, second half: bcrypt work is bounded, and what does not fit is refused, not queued. */
class PasswordCheckGateTest {

    @Test
    void item02_atMostTheConfiguredNumberRunAtOnceAndTheRestAreRefusedWith503() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(new AbuseLimits(100, 2, Duration.ofMillis(200), 3));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    try {
                        return gate.run(() -> {
                            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                            try {
                                release.await(5, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            running.decrementAndGet();
                            return "ran";
                        });
                    } catch (ApiException refused) {
                        return refused.error().name();
                    }
                }));
            }
            Thread.sleep(600); // longer than the wait: the waiters have given up
            release.countDown();
            int ran = 0;
            int refused = 0;
            for (Future<String> result : results) {
                String outcome = result.get(10, TimeUnit.SECONDS);
                if (outcome.equals("ran")) {
                    ran++;
                } else {
                    assertEquals(ErrorCatalogue.PASSWORD_CHECKS_BUSY.name(), outcome);
                    refused++;
                }
            }
            assertEquals(2, maxRunning.get(), "never more than the configured concurrency");
            assertEquals(2, ran, "only the two that got a slot ran; the waiters timed out");
            assertEquals(18, refused);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void item02_aWaiterGetsTheSlotWhenItFreesWithinTheWait() {
        PasswordCheckGate gate = new PasswordCheckGate(new AbuseLimits(100, 1, Duration.ofSeconds(5), 4));
        assertEquals("inner", gate.run(() -> "inner"));
        assertEquals("again", gate.run(() -> "again"), "slots are given back");
    }

    @Test
    void item02_theBusyAnswerIsA503WithRetryAfter() {
        ApiException busy = assertThrows(ApiException.class, () -> {
            throw new ApiException(ErrorCatalogue.PASSWORD_CHECKS_BUSY);
        });
        assertEquals(503, busy.status());
        assertTrue(busy.retryAfterSeconds().isPresent());
    }
}
