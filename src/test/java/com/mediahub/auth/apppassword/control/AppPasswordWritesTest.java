package com.mediahub.auth.apppassword.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mediahub.audit.AuditEvent;
import com.mediahub.auth.apppassword.entity.AppPassword;
import com.mediahub.auth.apppassword.entity.JpaAppPasswordRepository;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;
import com.mediahub.testing.InMemoryUsers;
import com.mediahub.testing.RecordingAudit;
import com.mediahub.testing.SteppedClock;

/** Making an app password: under the user's row lock, within the ceiling, and never after the account changed. */
class AppPasswordWritesTest {

    private final InMemoryUsers users = new InMemoryUsers();
    private final JpaAppPasswordRepository repository = mock(JpaAppPasswordRepository.class);
    private final RecordingAudit audit = new RecordingAudit();
    private final AppPasswordWrites writes = new AppPasswordWrites();
    private final CallerIdentity alice = new CallerIdentity(7, "alice", Set.of("user"), 42L);

    @BeforeEach
    void wire() {
        users.add(7, "alice", Set.of("user"));
        writes.users = users;
        writes.repository = repository;
        writes.audit = audit;
        writes.clock = new SteppedClock();
        when(repository.add(any())).thenAnswer(call -> call.getArgument(0));
    }

    @Test
    void aNewAppPasswordIsStoredUnderTheUsersRowLockAndAudited() {
        AppPassword created = writes.create(alice, new NewAppPassword("cron", true), "hash", 0);
        assertEquals("cron", created.getName());
        assertEquals(1, users.rowLocks);
        assertEquals(List.of(AuditEvent.APP_PASSWORD_CREATED), audit.events());
        assertEquals(42L, audit.records.get(0).sessionId(), "the session that made it");
    }

    @Test
    void aPasswordChangeThatCommittedWhileThePasswordWasCheckedLeavesNothingMade() {
        users.bumpElsewhere(7); // a password change (or a second-factor reset) ended every app password meanwhile
        ApiException refused = assertThrows(ApiException.class, () -> writes.create(alice, new NewAppPassword("cron", false), "hash", 0));
        assertEquals(ErrorCatalogue.APP_PASSWORD_ACCOUNT_CHANGED, refused.error());
        verify(repository, never()).add(any());
        assertEquals(List.of(), audit.events());
    }

    @Test
    void theFiftyFirstIsRefused() {
        when(repository.countOfUser(7)).thenReturn((long) AppPasswordWrites.MAX_PER_USER);
        ApiException refused = assertThrows(ApiException.class, () -> writes.create(alice, new NewAppPassword("cron", false), "hash", 0));
        assertEquals(ErrorCatalogue.APP_PASSWORD_LIMIT, refused.error());
        verify(repository, never()).add(any());
    }
}
