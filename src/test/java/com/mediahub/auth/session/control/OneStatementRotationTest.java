package com.mediahub.auth.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mediahub.audit.AuditEvent;
import com.mediahub.auth.session.entity.ConsumeStatement;
import com.mediahub.auth.session.entity.JdbcRefreshTokenRotation;
import com.mediahub.auth.session.entity.RotatedToken;
import com.mediahub.auth.token.control.TokenPair;
import com.mediahub.auth.token.control.VerifiedAccessToken;

/**
 * What {@link TokenService#rotate} makes of PostgreSQL's one rotation statement: the statement is
 * stubbed here (its SQL is proven against PostgreSQL by JdbcRefreshTokenRotationIT and the
 * concurrency ITs); this proves what goes into it and what comes out of its row.
 */
class OneStatementRotationTest {

    private final SessionFixture fixture = new SessionFixture();
    private final TokenService tokens = fixture.tokens;
    private final RecordingStatement statement = new RecordingStatement();

    /** Records its arguments and answers what the test sets. */
    static final class RecordingStatement extends JdbcRefreshTokenRotation {
        Optional<RotatedToken> answer = Optional.empty();
        final List<Object> arguments = new java.util.ArrayList<>();

        @Override
        public Optional<RotatedToken> rotate(String presentedHash, OffsetDateTime now, String successorHash,
                                             OffsetDateTime refreshExpiry, String userAgent) {
            arguments.addAll(java.util.Arrays.asList(presentedHash, now, successorHash, refreshExpiry, userAgent));
            return answer;
        }
    }

    @BeforeEach
    void onPostgreSql() {
        tokens.oneStatement = statement;
        tokens.consumeStatement = new ConsumeStatement() {
            @Override
            public boolean rotatesInOneStatement() {
                return true;
            }
        };
    }

    @Test
    void theStatementGetsHashesAndTheClocksTimesAndItsRowBecomesThePair() throws Exception {
        OffsetDateTime now = fixture.clock.instant().atOffset(ZoneOffset.UTC);
        OffsetDateTime familyEnds = now.plusHours(5); // sooner than a new token's 24 h: the family's end wins
        statement.answer = Optional.of(new RotatedToken(7, "alice", Set.of("user"), 3, 4242, familyEnds, familyEnds.minusHours(20), "pwd otp"));

        RotationOutcome outcome = tokens.rotate("presented-token", "agent\u0000\u0007 1.0");

        TokenPair pair = assertInstanceOf(RotationOutcome.Rotated.class, outcome, outcome.toString()).pair();
        assertEquals(List.of(RefreshTokens.hash("presented-token"), now, RefreshTokens.hash(pair.refreshToken()),
                now.plusHours(24), "agent 1.0"), statement.arguments, "only hashes go to the database");
        assertEquals(4242L, pair.sessionId());
        assertEquals(Duration.ofHours(5), pair.refreshLifetime());
        VerifiedAccessToken access = fixture.tokens.minter.accessTokens.verify(pair.accessToken());
        assertEquals("alice", access.caller().username());
        assertEquals(Set.of("user"), access.caller().roles());
        assertEquals(3, access.tokenVersion(), "the user's token version as the statement read it");
        assertEquals(List.of(AuditEvent.REFRESH_OK), fixture.audit.events());
    }

    @Test
    void aTokenTheStatementDidNotFindIsJudgedAndNothingIsIssued() {
        RotationOutcome outcome = tokens.rotate("never-issued", null);

        assertEquals(RotationOutcome.Reason.UNKNOWN,
                assertInstanceOf(RotationOutcome.Refused.class, outcome, outcome.toString()).reason());
        assertNull(statement.arguments.get(4), "no user agent is stored as none");
        assertFalse(fixture.audit.events().contains(AuditEvent.REFRESH_OK), fixture.audit.events().toString());
    }

    @Test
    void theWholeRefusalPathStillJudgesReplays() {
        TokenPair login = tokens.issue(com.mediahub.security.CallerIdentity.byPassword(7, "alice", Set.of("user")), "agent");
        // Rotate once step by step (the in-memory store), so that the login's token is remembered as consumed.
        tokens.consumeStatement = new ConsumeStatement() {
            @Override
            public boolean rotatesInOneStatement() {
                return false;
            }
        };
        assertInstanceOf(RotationOutcome.Rotated.class, tokens.rotate(login.refreshToken(), "agent"));
        onPostgreSql();

        RotationOutcome replay = tokens.rotate(login.refreshToken(), "agent"); // the statement finds nothing

        assertEquals(RotationOutcome.Reason.REPLAY_WITHIN_GRACE,
                assertInstanceOf(RotationOutcome.Refused.class, replay, replay.toString()).reason());
    }
}
