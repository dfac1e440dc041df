package com.mediahub.platform.persistence;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Timestamps read by native queries, whatever type the provider and driver hand back. */
public final class DatabaseTimes {

    private DatabaseTimes() {
    }

    /** Providers and drivers differ: Timestamp (EclipseLink on PostgreSQL), OffsetDateTime (H2), Instant (Hibernate). */
    public static OffsetDateTime of(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
