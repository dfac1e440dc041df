package com.mediahub.auth.session.entity;

import java.security.SecureRandom;
import java.time.OffsetDateTime;

/**
 * What a token hands on to its successor: the family (session) it belongs to, when that
 * session started, when it must end at the latest, and the token's place in the chain.
 *
 * @param id         the family (session) id: random, positive, below 2^53 so that JavaScript
 *                   clients read it exactly; unique per user for all practical purposes, and
 *                   every query that uses it also names the user
 * @param generation 0 for the login's token, counted up by each rotation
 * @param amr        how the login proved the user, as RFC 8176 values separated by spaces
 *                   ({@code pwd} or {@code pwd otp}); every access token of the session says it
 */
public record Family(long id, OffsetDateTime createdAt, OffsetDateTime expiry, int generation, String amr) {

    private static final long JS_SAFE = (1L << 53) - 1;

    public static Family startingAt(OffsetDateTime now, OffsetDateTime absoluteExpiry, String amr, SecureRandom random) {
        long id;
        do {
            id = random.nextLong() & JS_SAFE;
        } while (id == 0);
        return new Family(id, now, absoluteExpiry, 0, amr);
    }

    public Family next() {
        return new Family(id, createdAt, expiry, generation + 1, amr);
    }
}
