package com.mediahub.auth.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.mediahub.platform.error.ErrorCatalogue;

class ChallengesTest {

    @ParameterizedTest
    @EnumSource(value = ErrorCatalogue.class, names = {"AUTHENTICATION_FAILED", "AUTHORIZATION_HEADER_REQUIRED", "AUTHORIZATION_HEADER_INVALID"})
    void scriptsGetOnlyTheBearerChallengeWhereOthersGetBoth(ErrorCatalogue error) {
        assertEquals(Challenges.BOTH, Challenges.forError(error, false));
        assertEquals("Bearer realm=\"mediahub\"", Challenges.forError(error, true));
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCatalogue.class, names = {"TOKEN_EXPIRED", "TOKEN_INVALID"})
    void tokenErrorsAreTheSameForScripts(ErrorCatalogue error) {
        assertEquals(Challenges.forError(error), Challenges.forError(error, true));
    }
}
