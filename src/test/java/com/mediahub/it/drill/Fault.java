package com.mediahub.it.drill;

/**
 * A fault the drill caused ({@link System#nanoTime()} throughout): from its first step
 * ({@code start}) to the moment HAProxy sent every instance requests again ({@code end});
 * {@code instant} is when it hit (the kill, the database's stop). Unavailable answers to requests
 * open between {@code instant} and {@code toleratedUntil} are the documented ones; a fault that
 * documents none has {@code toleratedUntil} before {@code instant}.
 */
public record Fault(String name, long start, long instant, long end, long toleratedUntil) {

    public boolean tolerates(Attempt attempt) {
        return toleratedUntil >= instant && attempt.overlaps(instant, toleratedUntil);
    }
}
