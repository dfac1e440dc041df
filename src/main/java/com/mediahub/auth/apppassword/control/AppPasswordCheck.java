package com.mediahub.auth.apppassword.control;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

import com.mediahub.auth.apppassword.entity.AppPassword;
import com.mediahub.auth.apppassword.entity.JpaAppPasswordRepository;
import com.mediahub.auth.token.control.TokenVersionCache;
import com.mediahub.config.Settings;
import com.mediahub.platform.crypto.OpaqueValues;
import com.mediahub.platform.error.FaultSummary;
import com.mediahub.platform.time.ExpiringAnswers;
import com.mediahub.security.CallerIdentity;
import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.User;
import com.mediahub.users.entity.Usernames;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks username + app password without bcrypt: the SHA-256 of the value, then the row stored
 * under it. What the database said is remembered for {@code [auth] user_cache_seconds}, the
 * staleness bound Bearer tokens have, so a busy script costs no database work per request:
 * <ul>
 * <li>a revocation on this instance forgets the entry at once ({@link #forget});</li>
 * <li>other instances read the row again within the bound, or sooner when the user's token
 *     version changes (a password change, a sign-out everywhere, a deleted user);</li>
 * <li>a use is written to {@code last_used_at} at most once a minute per app password.</li>
 * </ul>
 * Misses are not remembered: there are as many possible values as guesses.
 */
@ApplicationScoped
public class AppPasswordCheck {

    private static final Logger LOG = Logger.getLogger(AppPasswordCheck.class.getName());
    /** How often a use is written: the list shows the minute, and a busy script must not write per request. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** What is remembered of one app password, under its hash. */
    private record Entry(long id, CallerIdentity caller, String usernameKey, boolean readOnly, int tokenVersion,
                         long loadedAtMillis, long useRecordedAtMillis) {
        Entry usedAt(long millis) {
            return new Entry(id, caller, usernameKey, readOnly, tokenVersion, loadedAtMillis, millis);
        }
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    JpaAppPasswordRepository repository;
    @Inject
    JpaUserRepository users;
    @Inject
    TokenVersionCache tokenVersions;
    @Inject
    AppPasswordWrites writes;
    @Inject
    Settings settings;
    @Inject
    Clock clock;

    /**
     * The caller this username and app password prove, or empty: no such app password, or it is
     * another user's. Call only with a {@link AppPasswordFormat#isWellFormed well-formed} value.
     */
    public Optional<AppPasswordCaller> verify(String username, String value) {
        String hash = OpaqueValues.sha256Hex(value);
        long now = clock.millis();
        Entry entry = entries.get(hash);
        if (entry == null || !ExpiringAnswers.young(now - entry.loadedAtMillis(), settings.userCacheTtl())
                || !tokenVersions.accepts(entry.caller().id(), entry.tokenVersion())) {
            entry = load(hash, now).orElse(null);
            if (entry == null) {
                entries.remove(hash);
                return Optional.empty();
            }
            if (!settings.userCacheTtl().isZero()) {
                entries.put(hash, entry);
            }
        }
        if (!entry.usernameKey().equals(Usernames.lookupKey(username))) {
            return Optional.empty(); // right value, wrong user: a failure like any other
        }
        recordUseIfDue(hash, entry, now);
        return Optional.of(new AppPasswordCaller(entry.caller(), entry.readOnly()));
    }

    private Optional<Entry> load(String hash, long now) {
        Optional<AppPassword> row = repository.findByHash(hash);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> user = users.findById(row.get().getUserId());
        if (user.isEmpty()) {
            return Optional.empty(); // deleted meanwhile: the row went with it
        }
        OffsetDateTime lastUsed = row.get().getLastUsedAt();
        CallerIdentity caller = CallerIdentity.byAppPassword(user.get().getId(), user.get().getUsername(), user.get().getRoles());
        return Optional.of(new Entry(row.get().getId(), caller, Usernames.lookupKey(user.get().getUsername()),
                row.get().isReadOnly(), user.get().getTokenVersion(), now,
                lastUsed == null ? Long.MIN_VALUE : lastUsed.toInstant().toEpochMilli()));
    }

    /**
     * Writes the use when the last one written is a minute old. Outside the answer's fate: when the
     * database cannot take it, the request still succeeds (as a Bearer request would) and the next
     * use tries again.
     */
    private void recordUseIfDue(String hash, Entry entry, long now) {
        long dueAfter = USE_RECORDED_EVERY.toMillis();
        if (entry.useRecordedAtMillis() != Long.MIN_VALUE && now - entry.useRecordedAtMillis() < dueAfter
                && now >= entry.useRecordedAtMillis()) {
            return;
        }
        if (!entries.replace(hash, entry, entry.usedAt(now)) && entries.containsKey(hash)) {
            return; // another request of this app password just took the turn
        }
        try {
            writes.recordUse(entry.id(), now, dueAfter);
        } catch (RuntimeException e) {
            LOG.warning("The use of an app password could not be recorded: " + FaultSummary.of(e));
        }
    }

    /** This instance revoked the app password with this hash: it stops working here at once. */
    public void forget(String hash) {
        entries.remove(hash);
    }

    /** This instance ended every app password of the user. */
    public void forgetUser(long userId) {
        entries.values().removeIf(entry -> entry.caller().id() == userId);
    }
}
