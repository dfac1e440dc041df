package com.mediahub.auth.session.entity;

import java.time.OffsetDateTime;

/** A refresh token presented again after it was rotated: which family, which link, when it was consumed. */
public record ReplayedToken(long userId, long familyId, int generation, OffsetDateTime consumedAt) {
}
