package com.mediahub.auth.entity;

import java.time.OffsetDateTime;

/**
 * What a token hands on to its successor: the family (session) it belongs to, when that
 * session started, when it must end at the latest, and the token's place in the chain.
 *
 * @param id         the family id, {@code null} for a family that the next token starts
 * @param generation 0 for the login's token, counted up by each rotation
 */
public record Family(Long id, OffsetDateTime createdAt, OffsetDateTime expiry, int generation) {

    public static Family startingAt(OffsetDateTime now, OffsetDateTime absoluteExpiry) {
        return new Family(null, now, absoluteExpiry, 0);
    }

    public Family next() {
        return new Family(id, createdAt, expiry, generation + 1);
    }
}
