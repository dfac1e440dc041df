package com.mediahub.it.drill;

import java.time.Duration;

/**
 * A fault the drill caused ({@link System#nanoTime()} throughout): from its first step
 * ({@code start}) to the moment HAProxy sent every instance requests again ({@code end});
 * {@code instant} is when it hit (the kill, the database's stop). What it {@link #tolerates} is
 * the unavailable answers docs/operations.md documents for it, and nothing else.
 */
public record Fault(String name, Kind kind, long start, long instant, long end, long toleratedUntil) {

    public enum Kind {
        /** kill -9 of an instance: only the POSTs open on it at that moment (503, or the connection closed). */
        KILL,
        /** PostgreSQL away: 503, until every pooled connection it broke has failed once. */
        DATABASE_AWAY,
        /** Done so that no client notices (a rolling restart through the runtime API). */
        UNNOTICED
    }

    /** A request sent in the instant before the kill can still reach the dying instance. */
    private static final long KILL_SLACK = Duration.ofMillis(500).toNanos();

    public static Fault kill(String name, long start, long instant, long end) {
        return new Fault(name, Kind.KILL, start, instant, end, instant + KILL_SLACK);
    }

    public static Fault databaseAway(String name, long start, long end, Duration afterwards) {
        return new Fault(name, Kind.DATABASE_AWAY, start, start, end, end + afterwards.toNanos());
    }

    public static Fault unnoticed(String name, long start, long end) {
        return new Fault(name, Kind.UNNOTICED, start, start, end, start);
    }

    public boolean tolerates(Attempt attempt) {
        return switch (kind) {
            case KILL -> attempt.kind() != Attempt.Kind.CALL && attempt.unavailable()
                    && attempt.start() <= toleratedUntil && attempt.end() >= instant;
            case DATABASE_AWAY -> attempt.status() == 503 && attempt.overlaps(start, toleratedUntil);
            case UNNOTICED -> false;
        };
    }
}
