package com.mediahub.auth.token.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens that passed the full check (signature, type, issuer, audience, times), remembered
 * by their exact text until the verifier itself would call them expired. A client uses one access
 * token for many requests, and an ES256 signature check costs about a millisecond of CPU on
 * JDK 17 (RS256 ~80 us, HS256 ~10 us): the repeat costs a map lookup instead. Only the
 * cryptographic verdict is remembered; revocation (the token version) is still checked on every
 * request by the caller. Bounded: only verified tokens get in, at most {@value #MAX_ENTRIES}.
 */
final class VerifiedTokenCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(VerifiedAccessToken token, long acceptedUntilEpochSecond) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The verdict for exactly this token text, if it is remembered and still within its time. */
    VerifiedAccessToken find(String token, long nowEpochSecond) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowEpochSecond >= entry.acceptedUntilEpochSecond()) {
            entries.remove(token, entry);
            return null; // the full check will now say "Token expired"
        }
        return entry.token();
    }

    /** @param acceptedUntilEpochSecond the first second the verifier would refuse it (exp + skew) */
    void remember(String token, VerifiedAccessToken verified, long acceptedUntilEpochSecond, long nowEpochSecond) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> nowEpochSecond >= e.acceptedUntilEpochSecond());
            if (entries.size() >= MAX_ENTRIES) {
                return; // full of live tokens: verify the rest in full rather than grow
            }
        }
        entries.put(token, new Entry(verified, acceptedUntilEpochSecond));
    }

    int size() {
        return entries.size();
    }
}
