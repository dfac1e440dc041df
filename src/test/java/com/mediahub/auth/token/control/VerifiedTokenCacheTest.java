package com.mediahub.auth.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.mediahub.auth.token.keys.SigningSecret;
import com.mediahub.config.Settings;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;

class VerifiedTokenCacheTest {

    private final VerifiedAccessToken alice = new VerifiedAccessToken(new CallerIdentity(7, "alice", Set.of("user"), 1L), 0);

    @Test
    void aVerdictLastsExactlyAsLongAsTheVerifierWouldAcceptTheToken() {
        VerifiedTokenCache cache = new VerifiedTokenCache();
        cache.remember("token-a", alice, 1_000, 900);
        assertEquals(alice, cache.find("token-a", 999));
        assertNull(cache.find("token-b", 999), "only the exact text");
        assertNull(cache.find("token-a", 1_000), "from exp + skew on, the full check decides (and says expired)");
        assertEquals(0, cache.size(), "the expired entry is gone");
    }

    @Test
    void itNeverGrowsBeyondItsBoundAndDropsExpiredEntriesFirst() {
        VerifiedTokenCache cache = new VerifiedTokenCache();
        for (int i = 0; i < VerifiedTokenCache.MAX_ENTRIES; i++) {
            cache.remember("t" + i, alice, i < 10 ? 100 : 10_000, 50);
        }
        cache.remember("one-more", alice, 10_000, 50);
        assertEquals(VerifiedTokenCache.MAX_ENTRIES, cache.size(), "full of live tokens: not added");
        cache.remember("one-more", alice, 10_000, 200);
        assertEquals(alice, cache.find("one-more", 200), "after the expired ones were dropped");
        assertEquals(VerifiedTokenCache.MAX_ENTRIES - 9, cache.size());
    }

    @Test
    void aRememberedTokenStillGetsTheFullAnswerOnceExpired() throws Exception {
        AccessTokenService service = new AccessTokenService(Settings.defaults(), new SigningSecret("s".repeat(40), "test"), Clock.systemUTC());
        String expired = service.issue(alice.caller(), 0, Instant.now().minusSeconds(5 * 60 + 61));
        for (int i = 0; i < 2; i++) {
            TokenRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(TokenRejectedException.class,
                    () -> service.verify(expired));
            assertEquals(ErrorCatalogue.TOKEN_EXPIRED, e.error());
        }
        String fresh = service.issue(alice.caller(), 0, Instant.now());
        assertEquals(alice, service.verify(fresh));
        assertEquals(alice, service.verify(fresh), "the second time from the cache, same answer");
    }
}
