package com.mediahub.auth.apppassword.control;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import com.mediahub.auth.apppassword.entity.AppPasswordOwner;
import com.mediahub.auth.apppassword.entity.JpaAppPasswordRepository;
import com.mediahub.auth.token.control.TokenVersionCache;
import com.mediahub.config.Settings;
import com.mediahub.platform.crypto.OpaqueValues;
import com.mediahub.platform.error.FaultSummary;
import com.mediahub.platform.time.ExpiringAnswers;
import com.mediahub.security.CallerIdentity;
import com.mediahub.users.entity.Usernames;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks username + app password without bcrypt: the SHA-256 of the value, then the row stored
 * under it. What the database said is remembered for {@code [auth] user_cache_seconds}, the
 * staleness bound Bearer tokens have, so a busy script costs no database work per request:
 * <ul>
 * <li>a revocation on this instance forgets the entry at once ({@link #forget}), and a check that
 *     read the row before the revocation committed does not put it back;</li>
 * <li>other instances read the row again within the bound, or sooner when the user's token
 *     version changes (a password change, a second-factor reset, a deleted user);</li>
 * <li>a use is written to {@code last_used_at} at most once a minute per app password.</li>
 * </ul>
 * Misses are not remembered: there are as many possible values as guesses.
 */
@ApplicationScoped
public class AppPasswordCheck {

    private static final Logger LOG = Logger.getLogger(AppPasswordCheck.class.getName());
    /** How often a use is written: the list shows the minute, and a busy script must not write per request. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /**
     * What is remembered of one app password, under its hash.
     *
     * @param revocationsBefore this instance's revocation count before the row was read: after any
     *                          later revocation the row is read again before it is trusted
     */
    private record Entry(long id, CallerIdentity caller, String usernameKey, boolean readOnly, int tokenVersion,
                         long loadedAtMillis, long revocationsBefore) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Per app password id: when this instance last wrote (or read) its use. Apart from the entries, so that it holds when they expire. */
    private final ConcurrentMap<Long, Long> useRecordedAt = new ConcurrentHashMap<>();
    /** Counted up by every revocation this instance sees: an entry read before one is read again. */
    private final AtomicLong revocations = new AtomicLong();
    /** When the memory was last swept of what no longer matters. */
    private final AtomicLong sweptAtMillis = new AtomicLong();

    @Inject
    JpaAppPasswordRepository repository;
    @Inject
    TokenVersionCache tokenVersions;
    @Inject
    AppPasswordWrites writes;
    @Inject
    Settings settings;
    @Inject
    Clock clock;

    public AppPasswordCheck() {
    }

    /** For unit tests: a check without CDI. */
    public AppPasswordCheck(JpaAppPasswordRepository repository, TokenVersionCache tokenVersions, AppPasswordWrites writes,
                            Settings settings, Clock clock) {
        this.repository = repository;
        this.tokenVersions = tokenVersions;
        this.writes = writes;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The caller this username and app password prove, or empty: no such app password, or it is
     * another user's. Call only with a {@link AppPasswordFormat#isWellFormed well-formed} value.
     */
    public Optional<AppPasswordCaller> verify(String username, String value) {
        String hash = OpaqueValues.sha256Hex(value);
        long now = clock.millis();
        sweepIfDue(now);
        Entry entry = entries.get(hash);
        if (entry == null || entry.revocationsBefore() != revocations.get()
                || !ExpiringAnswers.young(now - entry.loadedAtMillis(), settings.userCacheTtl())
                || !tokenVersions.accepts(entry.caller().id(), entry.tokenVersion())) {
            // A revocation that commits while the row is read leaves the entry stamped with the
            // count before it: this request, under way before the revocation, goes on; the next
            // one reads the row again.
            entry = load(hash, now, revocations.get()).orElse(null);
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
        recordUseIfDue(entry.id(), now);
        return Optional.of(new AppPasswordCaller(entry.caller(), entry.readOnly()));
    }

    private Optional<Entry> load(String hash, long now, long revocationsBefore) {
        Optional<AppPasswordOwner> found = repository.findByHash(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var row = found.get().appPassword();
        var owner = found.get().owner();
        OffsetDateTime lastUsed = row.getLastUsedAt();
        if (lastUsed != null) {
            // (Not later than now: another instance's clock may be ahead of this one's.)
            useRecordedAt.merge(row.getId(), Math.min(now, lastUsed.toInstant().toEpochMilli()), Math::max);
        }
        CallerIdentity caller = CallerIdentity.byAppPassword(owner.getId(), owner.getUsername(), owner.getRoles());
        return Optional.of(new Entry(row.getId(), caller, Usernames.lookupKey(owner.getUsername()), row.isReadOnly(),
                owner.getTokenVersion(), now, revocationsBefore));
    }

    /**
     * Once a minute, forgets what no longer decides anything: entries past the cache's lifetime
     * (revoked or deleted elsewhere and never presented again) and uses older than a minute. The
     * memory then holds only the app passwords used lately.
     */
    private void sweepIfDue(long now) {
        long swept = sweptAtMillis.get();
        if (ExpiringAnswers.young(now - swept, USE_RECORDED_EVERY) || !sweptAtMillis.compareAndSet(swept, now)) {
            return;
        }
        entries.values().removeIf(entry -> !ExpiringAnswers.young(now - entry.loadedAtMillis(), settings.userCacheTtl()));
        useRecordedAt.values().removeIf(at -> !ExpiringAnswers.young(now - at, USE_RECORDED_EVERY));
    }

    /**
     * Writes the use when the last one this instance knows of is a minute old: one conditional
     * UPDATE a minute per app password, in the request that finds it due (the statement itself
     * writes nothing when another instance wrote within the minute). When the database cannot
     * take it, the request still succeeds, as a Bearer request would, and the next use tries again.
     */
    private void recordUseIfDue(long id, long now) {
        long every = USE_RECORDED_EVERY.toMillis();
        Long last = useRecordedAt.get(id);
        if (last != null && ExpiringAnswers.young(now - last, USE_RECORDED_EVERY)) {
            return;
        }
        boolean mine = last == null ? useRecordedAt.putIfAbsent(id, now) == null : useRecordedAt.replace(id, last, now);
        if (!mine) {
            return; // another request of this app password took the turn
        }
        try {
            writes.recordUse(id, now, every);
        } catch (RuntimeException e) {
            useRecordedAt.remove(id, now);
            LOG.warning("The use of an app password could not be recorded: " + FaultSummary.of(e));
        }
    }

    /** This instance revoked the app password with this hash: it stops working here at once. */
    public void forget(String hash) {
        revocations.incrementAndGet();
        Entry gone = entries.remove(hash);
        if (gone != null) {
            useRecordedAt.remove(gone.id());
        }
    }

    /** This instance ended every app password of the user. */
    public void forgetUser(long userId) {
        revocations.incrementAndGet();
        entries.values().removeIf(entry -> {
            if (entry.caller().id() == userId) {
                useRecordedAt.remove(entry.id());
                return true;
            }
            return false;
        });
    }
}
