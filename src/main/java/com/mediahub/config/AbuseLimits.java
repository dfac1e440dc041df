package com.mediahub.config;

import java.time.Duration;

/**
 * Limits that keep one client from using up what others need: sessions per account and
 * concurrent password hashing.
 *
 * @param maxSessionsPerUser live sessions (token families) per user; signing in once more revokes the
 *                           oldest ({@code [auth] max_sessions_per_user}, default 100)
 * @param bcryptConcurrency  password hashes computed at once on this instance ({@code [auth] bcrypt_concurrency},
 *                           default the number of processors)
 * @param bcryptMaxWait      how long a password check waits for a free slot before 503
 *                           ({@code [auth] bcrypt_max_wait_ms}, default 2000)
 * @param bcryptMaxWaiting   how many checks may wait at once; more are refused at once (4 per slot)
 */
public record AbuseLimits(int maxSessionsPerUser, int bcryptConcurrency, Duration bcryptMaxWait, int bcryptMaxWaiting) {

    public static AbuseLimits from(ConfigFile file) {
        int concurrency = (int) file.bounded("auth.bcrypt_concurrency", Runtime.getRuntime().availableProcessors(), 1, 1024);
        return new AbuseLimits(
                (int) file.bounded("auth.max_sessions_per_user", 100, 1, 1_000_000),
                concurrency,
                Duration.ofMillis(file.bounded("auth.bcrypt_max_wait_ms", 2000, 0, 60_000)),
                concurrency * 4);
    }

    /** The defaults, as with an empty config.toml. */
    public static AbuseLimits defaults() {
        return from(ConfigFile.parse(java.nio.file.Path.of("config.toml"), ""));
    }
}
