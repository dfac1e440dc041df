package com.mediahub.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The application's settings, read once from config.toml at startup (contract section 4).
 * Every duration also accepts a {@code _seconds} form, which wins.
 *
 * @param issuer            {@code iss} of access tokens ({@code [jwt] issuer}, default {@code mediahub})
 * @param accessDuration    access token lifetime ({@code [jwt] access_duration_min}, default 5 minutes)
 * @param refreshDuration   refresh token lifetime ({@code [jwt] refresh_duration_hours}, default 24 hours)
 * @param sessionMax        absolute session (token family) lifetime ({@code [jwt] session_max_hours}, default 720)
 * @param reuseGrace        how long the immediately previous refresh token may be presented again without
 *                          being treated as stolen ({@code [jwt] reuse_grace_seconds}, default 10)
 * @param bcryptCost        bcrypt cost for new password hashes ({@code [auth] bcrypt_cost}, default 12)
 * @param userCacheTtl      how long a user's token version is trusted for Bearer requests
 *                          ({@code [auth] user_cache_seconds}, default 5)
 * @param maxFailures       failed logins per username and per client address before 429
 *                          ({@code [auth] max_failures}, default 10)
 * @param failureWindow     the window those failures are counted in ({@code [auth] failure_window_minutes}, default 15)
 * @param cleanupInterval   how often expired rows are deleted ({@code [cleanup] interval_minutes}, default 15)
 * @param cleanupBatch      rows deleted per statement by the clean-up ({@code [cleanup] batch_size}, default 10000)
 * @param basicCacheTtl     how long a successful Basic verification is remembered
 *                          ({@code [auth] basic_cache_seconds}, default 0 = never)
 * @param audience          {@code aud} of access tokens, required by our verifier too ({@code [jwt] audience},
 *                          optional: null means no {@code aud} claim)
 * @param jwksMaxAge        how long verifiers may cache {@code /.well-known/jwks.json}
 *                          ({@code [jwt] jwks_max_age_seconds}, default 300)
 * @param cookies           cookie mode: {@code [cookie] secure} (default true; env {@code FDB_COOKIE_SECURE}
 *                          wins), {@code same_site} (default Lax), {@code domain} (optional)
 */
public record Settings(String issuer, Duration accessDuration, Duration refreshDuration, Duration sessionMax,
                       Duration reuseGrace, int bcryptCost, Duration userCacheTtl, int maxFailures,
                       Duration failureWindow, Duration cleanupInterval, int cleanupBatch, Duration basicCacheTtl,
                       String audience, Duration jwksMaxAge, CookieSettings cookies) {

    /** Attributes of the cookies of cookie mode. */
    public record CookieSettings(boolean secure, String sameSite, String domain) {
    }

    public static Settings from(ConfigFile file) {
        return new Settings(
                file.string("jwt.issuer").filter(s -> !s.isBlank()).orElse("mediahub"),
                file.duration("jwt", "access_duration", "min", Duration.ofMinutes(1), Duration.ofMinutes(5)),
                file.duration("jwt", "refresh_duration", "hours", Duration.ofHours(1), Duration.ofHours(24)),
                file.duration("jwt", "session_max", "hours", Duration.ofHours(1), Duration.ofHours(720)),
                file.duration("jwt", "reuse_grace", null, null, Duration.ofSeconds(10)),
                (int) file.bounded("auth.bcrypt_cost", 12, 4, 31),
                file.duration("auth", "user_cache", null, null, Duration.ofSeconds(5)),
                (int) file.bounded("auth.max_failures", 10, 1, 1_000_000),
                file.duration("auth", "failure_window", "minutes", Duration.ofMinutes(1), Duration.ofMinutes(15)),
                file.duration("cleanup", "interval", "minutes", Duration.ofMinutes(1), Duration.ofMinutes(15)),
                (int) file.bounded("cleanup.batch_size", 10_000, 1, 1_000_000),
                Duration.ofSeconds(file.bounded("auth.basic_cache_seconds", 0, 0, 86_400)),
                file.string("jwt.audience").filter(a -> !a.isBlank()).orElse(null),
                Duration.ofSeconds(file.bounded("jwt.jwks_max_age_seconds", 300, 0, 86_400)),
                cookiesFrom(file, System.getenv("FDB_COOKIE_SECURE")));
    }

    public static CookieSettings cookiesFrom(ConfigFile file, String secureFromEnv) {
        boolean secure = secureFromEnv != null && !secureFromEnv.isBlank()
                ? Boolean.parseBoolean(secureFromEnv.trim()) : file.bool("cookie.secure").orElse(true);
        String sameSite = file.string("cookie.same_site").orElse("Lax");
        sameSite = switch (sameSite.toLowerCase(java.util.Locale.ROOT)) {
            case "strict" -> "Strict";
            case "lax" -> "Lax";
            case "none" -> "None";
            default -> throw new ConfigurationException("Setting cookie.same_site in " + file.path()
                    + " must be Strict, Lax or None, was " + sameSite);
        };
        if (sameSite.equals("None") && !secure) {
            throw new ConfigurationException("Setting cookie.same_site = \"None\" in " + file.path()
                    + " needs cookie.secure = true (browsers refuse it otherwise)");
        }
        String domain = file.string("cookie.domain").filter(d -> !d.isBlank()).orElse(null);
        return new CookieSettings(secure, sameSite, domain);
    }

    /** The defaults, as with an empty config.toml. */
    public static Settings defaults() {
        return from(ConfigFile.parse(Path.of("config.toml"), ""));
    }

    public Settings withBcryptCost(int cost) {
        return new Settings(issuer, accessDuration, refreshDuration, sessionMax, reuseGrace, cost, userCacheTtl,
                maxFailures, failureWindow, cleanupInterval, cleanupBatch, basicCacheTtl, audience, jwksMaxAge, cookies);
    }
}
