package com.mediahub.auth.entity;

import java.time.OffsetDateTime;

/** One throttle key's count in its current window, as the reserving statement returned it. */
public record ThrottleCounter(String key, int failures, OffsetDateTime windowStart) {
}
