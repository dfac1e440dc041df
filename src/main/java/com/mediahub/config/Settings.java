package com.mediahub.config;

import java.time.Duration;

/**
 * The application's settings, read once from config.toml at startup (contract section 4).
 *
 * @param issuer          the {@code iss} of every access token ({@code [jwt] issuer}, default {@code mediahub})
 * @param accessDuration  access token lifetime ({@code [jwt] access_duration_min}, default 5 minutes)
 * @param refreshDuration refresh token lifetime ({@code [jwt] refresh_duration_hours}, default 24 hours)
 * @param bcryptCost      bcrypt cost for new password hashes ({@code [auth] bcrypt_cost}, default 12)
 * @param userCacheTtl    how long a user's "still exists" answer is trusted for Bearer requests
 *                        ({@code [auth] user_cache_seconds}, default 5 seconds)
 */
public record Settings(String issuer, Duration accessDuration, Duration refreshDuration, int bcryptCost,
                       Duration userCacheTtl) {

    public static Settings from(ConfigFile file) {
        long cost = file.integer("auth.bcrypt_cost").orElse(12L);
        if (cost < 4 || cost > 31) {
            throw new ConfigurationException("Setting auth.bcrypt_cost in " + file.path() + " must be between 4 and 31, was " + cost);
        }
        return new Settings(
                file.string("jwt.issuer").filter(s -> !s.isBlank()).orElse("mediahub"),
                file.duration("jwt", "access_duration", "min", Duration.ofMinutes(1), Duration.ofMinutes(5)),
                file.duration("jwt", "refresh_duration", "hours", Duration.ofHours(1), Duration.ofHours(24)),
                (int) cost,
                file.duration("auth", "user_cache", null, null, Duration.ofSeconds(5)));
    }
}
