package com.mediahub.auth.apppassword.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mediahub.auth.apppassword.entity.AppPassword;
import com.mediahub.auth.apppassword.entity.AppPasswordOwner;
import com.mediahub.auth.apppassword.entity.JpaAppPasswordRepository;
import com.mediahub.auth.token.control.TokenVersionCache;
import com.mediahub.config.Settings;
import com.mediahub.platform.crypto.OpaqueValues;
import com.mediahub.security.CallerIdentity;
import com.mediahub.testing.InMemoryUsers;
import com.mediahub.testing.SteppedClock;
import com.mediahub.users.entity.User;

/**
 * The check's memory on a clock the test moves: one lookup per {@code user_cache_seconds}, a
 * revocation that works at once here (also when it lands while the row is being read), a token
 * version change that makes it read again, and a use written once a minute.
 */
class AppPasswordCheckTest {

    private static final Settings SETTINGS = Settings.defaults(); // user_cache_seconds = 5
    private static final String VALUE = AppPasswordFormat.generate(new SecureRandom());
    private static final String HASH = OpaqueValues.sha256Hex(VALUE);

    private final SteppedClock clock = new SteppedClock();
    private final InMemoryUsers users = new InMemoryUsers();
    private final JpaAppPasswordRepository repository = mock(JpaAppPasswordRepository.class);
    private final AppPasswordWrites writes = mock(AppPasswordWrites.class);
    private final AppPassword row = mock(AppPassword.class);
    private AppPasswordCheck check;
    private User alice;

    @BeforeEach
    void wire() {
        alice = users.add(7, "alice", Set.of("user"));
        check = new AppPasswordCheck(repository, new TokenVersionCache(users, SETTINGS, clock), writes, SETTINGS, clock);
        when(row.getId()).thenReturn(3L);
        when(row.getUserId()).thenReturn(7L);
        when(row.isReadOnly()).thenReturn(true);
        when(repository.findByHash(HASH)).thenAnswer(call -> Optional.of(new AppPasswordOwner(row, alice)));
    }

    @Test
    void theRightValueProvesItsOwnerAsAnAppPasswordCaller() {
        AppPasswordCaller found = check.verify("alice", VALUE).orElseThrow();
        assertEquals(CallerIdentity.byAppPassword(7, "alice", Set.of("user")), found.caller());
        assertTrue(found.readOnly());
    }

    @Test
    void anotherUsersNameOrAnUnknownValueProvesNothing() {
        assertEquals(Optional.empty(), check.verify("bob", VALUE));
        String unknown = AppPasswordFormat.generate(new SecureRandom());
        when(repository.findByHash(OpaqueValues.sha256Hex(unknown))).thenReturn(Optional.empty());
        assertEquals(Optional.empty(), check.verify("alice", unknown));
        assertEquals(Optional.empty(), check.verify("alice", unknown));
        verify(repository, times(2)).findByHash(OpaqueValues.sha256Hex(unknown)); // misses are not remembered
    }

    @Test
    void theDatabaseIsAskedOncePerCacheLifetime() {
        for (int i = 0; i < 5; i++) {
            assertTrue(check.verify("alice", VALUE).isPresent());
            clock.advance(Duration.ofMillis(900));
        }
        verify(repository, times(1)).findByHash(HASH);
        clock.advance(Duration.ofMillis(600)); // 5.1 s after the read
        assertTrue(check.verify("alice", VALUE).isPresent());
        verify(repository, times(2)).findByHash(HASH);
    }

    @Test
    void aRevocationOnThisInstanceWorksAtOnce() {
        assertTrue(check.verify("alice", VALUE).isPresent());
        when(repository.findByHash(HASH)).thenReturn(Optional.empty()); // the row is gone (committed)
        check.forget(HASH);
        assertEquals(Optional.empty(), check.verify("alice", VALUE));
    }

    @Test
    void aRevocationThatLandsWhileTheRowIsReadIsNotUndoneByTheRead() {
        when(repository.findByHash(HASH)).thenAnswer(call -> {
            check.forget(HASH); // the revocation commits and forgets, while this read still sees the row
            return Optional.of(new AppPasswordOwner(row, alice));
        });
        assertTrue(check.verify("alice", VALUE).isPresent(), "the request under way before the revocation goes on");
        doReturn(Optional.empty()).when(repository).findByHash(HASH); // (when(...) would run the answer above)
        assertEquals(Optional.empty(), check.verify("alice", VALUE), "nothing of the earlier read was kept");
    }

    @Test
    void anyRevocationOnThisInstanceMakesEveryRememberedEntryReadAgainOnce() {
        assertTrue(check.verify("alice", VALUE).isPresent());
        check.forget(OpaqueValues.sha256Hex("some other app password"));
        assertTrue(check.verify("alice", VALUE).isPresent());
        assertTrue(check.verify("alice", VALUE).isPresent());
        verify(repository, times(2)).findByHash(HASH); // once more after the revocation, then from memory again
    }

    @Test
    void endingAllOfAUsersAppPasswordsWorksAtOnce() {
        assertTrue(check.verify("alice", VALUE).isPresent());
        check.forgetUser(8);
        assertTrue(check.verify("alice", VALUE).isPresent(), "another user's ended: alice's row is still there");
        when(repository.findByHash(HASH)).thenReturn(Optional.empty());
        check.forgetUser(7);
        assertEquals(Optional.empty(), check.verify("alice", VALUE));
    }

    @Test
    void aNewTokenVersionSeenByThisInstanceMakesItReadAgain() {
        assertTrue(check.verify("alice", VALUE).isPresent());
        assertTrue(check.verify("alice", VALUE).isPresent()); // from memory: the version cache has read version 0
        when(repository.findByHash(HASH)).thenReturn(Optional.empty()); // a password change on another instance ended it
        users.bumpElsewhere(7);
        clock.advance(Duration.ofSeconds(2));
        assertTrue(check.verify("alice", VALUE).isPresent(), "within the bound, as a Bearer token would be");
        clock.advance(Duration.ofSeconds(3)); // the version cache reads the new version; the entry is 5 s old too
        assertEquals(Optional.empty(), check.verify("alice", VALUE));
    }

    @Test
    void aUseIsWrittenAtMostOnceAMinute() {
        for (int i = 0; i < 10; i++) {
            check.verify("alice", VALUE);
            clock.advance(Duration.ofSeconds(5));
        }
        verify(writes, times(1)).recordUse(eq(3L), anyLong(), eq(60_000L));
        clock.advance(Duration.ofSeconds(15)); // 65 s after the first
        check.verify("alice", VALUE);
        verify(writes, times(2)).recordUse(eq(3L), anyLong(), eq(60_000L));
    }

    @Test
    void aUseWrittenRecentlyByAnyInstanceIsNotWrittenAgain() {
        when(row.getLastUsedAt()).thenReturn(OffsetDateTime.ofInstant(clock.instant().minusSeconds(30), ZoneOffset.UTC));
        check.verify("alice", VALUE);
        verify(writes, never()).recordUse(anyLong(), anyLong(), anyLong());
        clock.advance(Duration.ofSeconds(31));
        check.verify("alice", VALUE);
        verify(writes, times(1)).recordUse(anyLong(), anyLong(), anyLong());
    }

    @Test
    void aUseThatCouldNotBeWrittenIsTriedAgainAndTheRequestStillSucceeds() {
        doThrow(new IllegalStateException("database down")).doNothing().when(writes).recordUse(anyLong(), anyLong(), anyLong());
        assertTrue(check.verify("alice", VALUE).isPresent());
        assertTrue(check.verify("alice", VALUE).isPresent());
        verify(writes, times(2)).recordUse(anyLong(), anyLong(), anyLong());
        assertFalse(check.verify("alice", VALUE).isEmpty());
        verify(writes, times(2)).recordUse(anyLong(), anyLong(), anyLong());
    }
}
