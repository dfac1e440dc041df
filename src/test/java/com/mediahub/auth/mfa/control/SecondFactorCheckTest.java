package com.mediahub.auth.mfa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mediahub.auth.mfa.control.SecondFactorCheck.Verdict;
import com.mediahub.auth.mfa.entity.JpaTotpRepository;
import com.mediahub.auth.mfa.entity.TotpEnrolment;
import com.mediahub.testing.SteppedClock;

/**
 * The replay guard and the recovery codes, on a repository kept in memory (the row lock and the
 * real tables are SecondFactorIT's): a step's code works once, neighbouring steps each once, a
 * recovery code once, and an unreadable secret makes codes wrong without stopping recovery codes.
 */
class SecondFactorCheckTest {

    private static final long USER = 42;

    private final SteppedClock clock = new SteppedClock();
    private final InMemoryTotp repository = new InMemoryTotp();
    private final TotpCodes totp = new TotpCodes();
    private final SecretCipher cipher = new SecretCipher(new byte[32]);
    private final SecondFactorCheck check = new SecondFactorCheck();
    private final byte[] secret = totp.newSecret();
    private TotpEnrolment enrolment;

    @BeforeEach
    void wire() {
        check.repository = repository;
        check.totp = totp;
        check.cipher = cipher;
        check.clock = clock;
        check.audit = new com.mediahub.testing.RecordingAudit();
        enrolment = new TotpEnrolment(USER, cipher.encrypt(USER, secret), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    @Test
    void aStepsCodeWorksOnceAndEachNeighbourOnce() {
        Instant now = clock.instant();
        String current = totp.codeAt(secret, now);
        assertEquals(Verdict.TOTP, check.spend(enrolment, current));
        assertEquals(Verdict.WRONG, check.spend(enrolment, current), "replayed");
        assertEquals(Verdict.TOTP, check.spend(enrolment, totp.codeAt(secret, now.minus(TotpCodes.STEP))));
        assertEquals(Verdict.TOTP, check.spend(enrolment, totp.codeAt(secret, now.plus(TotpCodes.STEP))));
        assertEquals(Verdict.WRONG, check.spend(enrolment, totp.codeAt(secret, now.plus(TotpCodes.STEP))), "replayed");
        assertEquals(Verdict.WRONG, check.spend(enrolment, totp.codeAt(secret, now.plus(TotpCodes.STEP.multipliedBy(2)))), "outside");
    }

    @Test
    void aSpentStepStaysSpentWhileItIsInTheWindowAndLongAfterThenIsForgotten() {
        String code = totp.codeAt(secret, clock.instant());
        assertEquals(Verdict.TOTP, check.spend(enrolment, code));
        clock.advance(TotpCodes.STEP); // the spent step is now the previous one: still in the window
        assertEquals(Verdict.WRONG, check.spend(enrolment, code), "still refused one step later");
        clock.advance(TotpCodes.STEP.multipliedBy(2 + SecondFactorCheck.STEPS_KEPT_BEYOND_WINDOW));
        assertEquals(Verdict.TOTP, check.spend(enrolment, totp.codeAt(secret, clock.instant())));
        assertEquals(1, repository.spent.size(), "steps outside every window are deleted: " + repository.spent);
    }

    @Test
    void aRecoveryCodeWorksOnceInAnyCase() {
        repository.replaceRecoveryCodes(USER, List.of(RecoveryCodes.hash(USER, "abcdefghijklmnop")));
        assertEquals(Verdict.RECOVERY_CODE, check.spend(enrolment, "ABCD-EFGH-IJKL-MNOP"));
        assertEquals(Verdict.WRONG, check.spend(enrolment, "abcd-efgh-ijkl-mnop"));
    }

    @Test
    void anotherUsersRecoveryCodeIsWrong() {
        repository.replaceRecoveryCodes(USER, List.of(RecoveryCodes.hash(USER + 1, "abcdefghijklmnop")));
        assertEquals(Verdict.WRONG, check.spend(enrolment, "abcd-efgh-ijkl-mnop"));
    }

    @Test
    void anUnreadableSecretMakesEveryCodeWrongButRecoveryCodesStillWork() {
        TotpEnrolment underAnotherKey = new TotpEnrolment(USER, new SecretCipher(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})
                .encrypt(USER, secret), OffsetDateTime.now(clock));
        assertEquals(Verdict.WRONG, check.spend(underAnotherKey, totp.codeAt(secret, clock.instant())));
        repository.replaceRecoveryCodes(USER, List.of(RecoveryCodes.hash(USER, "abcdefghijklmnop")));
        assertEquals(Verdict.RECOVERY_CODE, check.spend(underAnotherKey, "abcdefghijklmnop"));
    }

    @Test
    void malformedCodesAreWrongWithoutTouchingAnything() {
        for (String code : List.of("", "12345", "1234567", "abcdef", "x".repeat(10_000))) {
            assertEquals(Verdict.WRONG, check.spend(enrolment, code), code);
        }
        assertEquals(Set.of(), repository.spent);
    }

    /** The repository's rules, in memory: what the tables and the row lock give in the IT. */
    static final class InMemoryTotp extends JpaTotpRepository {
        final Set<Long> spent = new HashSet<>();
        final Set<String> recovery = new HashSet<>();

        @Override
        public boolean spendStep(long userId, long step, long forgetBefore) {
            spent.removeIf(s -> s < forgetBefore);
            return spent.add(step);
        }

        @Override
        public void replaceRecoveryCodes(long userId, Collection<String> hashes) {
            recovery.clear();
            recovery.addAll(hashes);
        }

        @Override
        public boolean spendRecoveryCode(long userId, String hash) {
            return recovery.remove(hash);
        }
    }
}
