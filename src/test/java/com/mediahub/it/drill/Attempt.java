package com.mediahub.it.drill;

/**
 * One HTTP request a simulated client made and what came back: {@code status} 0 when no answer
 * came at all (the connection failed), {@code error} the JSON error text of a non-2xx answer.
 * Times are {@link System#nanoTime()}.
 */
public record Attempt(Kind kind, long start, long end, int status, String error) {

    public enum Kind {
        SIGN_IN, CALL, REFRESH, LOG_OUT
    }

    /** The documented answer of a request that could not be done now: try again. */
    public boolean unavailable() {
        return status == 503 || status == 0;
    }

    public boolean succeeded() {
        return status == 200;
    }

    /** Whether the request was still open at {@code instant}. */
    public boolean spans(long instant) {
        return start <= instant && end >= instant;
    }

    public boolean overlaps(long from, long to) {
        return start <= to && end >= from;
    }
}
