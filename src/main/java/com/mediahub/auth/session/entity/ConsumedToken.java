package com.mediahub.auth.session.entity;

import java.time.OffsetDateTime;

/** What the consuming DELETE returns about the token it removed. */
public record ConsumedToken(long userId, Family family, OffsetDateTime expiry) {
}
