package com.mediahub.auth.password.entity;

import java.time.OffsetDateTime;

/**
 * One throttle key's counts in its current window, as the reserving statement returned them:
 * {@code failures} counted, and {@code pending} password checks in flight (this one included).
 */
public record ThrottleCounter(String key, int failures, int pending, OffsetDateTime windowStart) {
}
