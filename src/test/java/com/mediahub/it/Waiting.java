package com.mediahub.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for a condition that comes true in its own time (a server up, a load balancer's view). */
final class Waiting {

    private Waiting() {
    }

    /** Polls every 200 ms; an {@link AssertionError} naming {@code what} when {@code limit} passes first. */
    static void until(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + limit.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}
