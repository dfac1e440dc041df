package com.mediahub.auth.session.control;

import java.util.Set;

import com.mediahub.auth.session.entity.ConsumeStatement;
import com.mediahub.auth.token.control.AccessTokenService;
import com.mediahub.auth.token.control.TokenVersionCache;
import com.mediahub.auth.token.keys.SigningSecret;
import com.mediahub.config.AbuseLimits;
import com.mediahub.config.Settings;
import com.mediahub.testing.InMemoryUsers;
import com.mediahub.testing.RecordingAudit;
import com.mediahub.testing.SteppedClock;

/**
 * The session services of one unit test, wired by hand as CDI would wire them, around stores
 * in memory and a clock the test moves. Users 7 (alice) and 8 (bob) exist.
 */
final class SessionFixture {

    static final Settings SETTINGS = Settings.defaults().withBcryptCost(4);

    final SteppedClock clock = new SteppedClock();
    final InMemoryRefreshTokens store = new InMemoryRefreshTokens();
    final InMemoryUsers users = new InMemoryUsers();
    final RecordingAudit audit = new RecordingAudit();
    final TokenVersionCache versions = new TokenVersionCache(users, SETTINGS, clock);
    final TokenService tokens = new TokenService();
    final SessionService sessions = new SessionService();

    SessionFixture(AbuseLimits limits) {
        users.add(7, "alice", Set.of("user"));
        users.add(8, "bob", Set.of("user"));
        PairMinter minter = new PairMinter();
        minter.accessTokens = new AccessTokenService(SETTINGS, new SigningSecret("0123456789abcdef0123456789abcdef-test", "test"), clock);
        minter.refreshTokens = store;
        minter.settings = SETTINGS;
        RefusedRotation refusal = new RefusedRotation();
        refusal.refreshTokens = store;
        refusal.settings = SETTINGS;
        refusal.audit = audit;
        StepwiseRotation stepwise = new StepwiseRotation();
        stepwise.refreshTokens = store;
        stepwise.users = users;
        stepwise.minter = minter;
        stepwise.refusal = refusal;
        stepwise.audit = audit;
        tokens.minter = minter;
        tokens.stepwise = stepwise;
        tokens.refusal = refusal;
        tokens.limits = limits;
        tokens.settings = SETTINGS;
        storesAndTime(tokens);
        sessions.versionChanges = new ImmediateEvent<>(changed -> versions.versionChanged(changed.userId(), changed.newTokenVersion()));
        sessions.refreshTokens = store;
        sessions.users = users;
        sessions.audit = audit;
        sessions.clock = clock;
    }

    SessionFixture() {
        this(AbuseLimits.defaults());
    }

    private void storesAndTime(TokenService service) {
        service.refreshTokens = store;
        // The in-memory store takes the rotation step by step, as on H2; PostgreSQL's one
        // statement is proven by the integration tests, which run on PostgreSQL.
        service.consumeStatement = new ConsumeStatement() {
            @Override
            public boolean rotatesInOneStatement() {
                return false;
            }
        };
        service.users = users;
        service.audit = audit;
        service.clock = clock;
    }

    /** A CDI event whose observer runs at once, as after the commit of a transaction that cannot fail here. */
    static final class ImmediateEvent<T> implements jakarta.enterprise.event.Event<T> {
        private final java.util.function.Consumer<T> observer;

        ImmediateEvent(java.util.function.Consumer<T> observer) {
            this.observer = observer;
        }

        @Override
        public void fire(T event) {
            observer.accept(event);
        }

        @Override
        public <U extends T> java.util.concurrent.CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> java.util.concurrent.CompletionStage<U> fireAsync(U event, jakarta.enterprise.event.NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public jakarta.enterprise.event.Event<T> select(java.lang.annotation.Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> jakarta.enterprise.event.Event<U> select(Class<U> subtype, java.lang.annotation.Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> jakarta.enterprise.event.Event<U> select(jakarta.enterprise.util.TypeLiteral<U> subtype,
                                                                      java.lang.annotation.Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
