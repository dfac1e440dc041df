package com.mediahub.auth.session.entity;

import java.time.OffsetDateTime;

/** A live session (token family) as the sessions endpoint shows it (contract 3.5). */
public record Session(long id, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt,
                      String userAgent) {
}
