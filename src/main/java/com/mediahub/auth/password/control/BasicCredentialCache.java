package com.mediahub.auth.password.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mediahub.config.Settings;
import com.mediahub.platform.time.ExpiringAnswers;
import com.mediahub.security.CallerIdentity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The opt-in fast path for Basic ({@code [auth] basic_cache_seconds}, default 0 = off): a
 * successful bcrypt verification is remembered for at most that long, so that scripts sending
 * Basic on every request do not pay a bcrypt each time.
 *
 * <p>An entry is keyed by HMAC-SHA256, under a random key made at startup and never stored, of
 * the username and the password; the password itself is kept nowhere. Instead of putting the
 * stored bcrypt hash into the key (reading it would cost the database round-trip this cache
 * exists to save), an entry is bound to the user's token version, which every password change
 * counts up. An entry is only used while
 * <ul>
 *   <li>it is younger than {@code basic_cache_seconds};</li>
 *   <li>the user's token version is the one it was made under (the token-version cache: a
 *       password change or deletion invalidates it at once here, within
 *       {@code user_cache_seconds} elsewhere);</li>
 *   <li>the throttle does not block the username or address (checked in the database again at
 *       least every {@code user_cache_seconds}, and at once when this instance blocks it).</li>
 * </ul>
 * Failed verifications are never cached. At most {@value #MAX_ENTRIES} entries.
 */
@ApplicationScoped
public class BasicCredentialCache {

    static final int MAX_ENTRIES = 10_000;

    /** What a cached success stands for. */
    public record Entry(CallerIdentity caller, int tokenVersion, long createdMillis, long throttleCheckedMillis) {
    }

    @Inject
    Settings settings;
    @Inject
    Clock clock;

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private SecretKeySpec key;
    /** A Mac per thread: looking up and initialising one on every Basic request costs more than the HMAC. */
    private ThreadLocal<Mac> macs;

    public BasicCredentialCache() {
    }

    /** For unit tests: a cache without CDI. */
    public BasicCredentialCache(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        init();
    }

    @PostConstruct
    void init() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        key = new SecretKeySpec(random, "HmacSHA256");
        macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    public boolean enabled() {
        return !settings.basicCacheTtl().isZero();
    }

    /** The cache key of a (username, password) pair; only this HMAC is ever kept. */
    public String keyOf(String username, String password) {
        Mac mac = macs.get();
        mac.update(username.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh entry for this key, if there is one. */
    public Optional<Entry> find(String cacheKey) {
        Entry entry = entries.get(cacheKey);
        if (entry == null) {
            return Optional.empty();
        }
        if (!ExpiringAnswers.young(clock.millis() - entry.createdMillis(), settings.basicCacheTtl())) {
            entries.remove(cacheKey, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Whether the throttle must be asked again for this entry (at least every user_cache_seconds). */
    public boolean throttleCheckDue(Entry entry) {
        return !ExpiringAnswers.young(clock.millis() - entry.throttleCheckedMillis(), settings.userCacheTtl());
    }

    public void throttleChecked(String cacheKey, Entry entry) {
        entries.replace(cacheKey, entry, new Entry(entry.caller(), entry.tokenVersion(), entry.createdMillis(), clock.millis()));
    }

    public void remember(String cacheKey, CallerIdentity caller, int tokenVersion) {
        if (entries.size() >= MAX_ENTRIES) {
            long now = clock.millis();
            entries.values().removeIf(e -> !ExpiringAnswers.young(now - e.createdMillis(), settings.basicCacheTtl()));
            if (entries.size() >= MAX_ENTRIES) {
                return; // full of live entries: verify with bcrypt instead
            }
        }
        long now = clock.millis();
        entries.put(cacheKey, new Entry(caller, tokenVersion, now, now));
    }

    public void forget(String cacheKey) {
        entries.remove(cacheKey);
    }

    /** Drops every entry of a user (blocked by the throttle, password changed, deleted). */
    public void forgetUser(String username) {
        entries.values().removeIf(e -> e.caller().username().equals(username));
    }
}
