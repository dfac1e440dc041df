package com.mediahub.auth.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;

/**
 * Review item 1, second half: whatever path a request took, a token pair is issued only to a
 * caller who proved a password in that request. (The service has no collaborators yet when the
 * rule refuses: nothing is read or written.)
 */
class TokenIssuingRuleTest {

    @Test
    void item01_anAccessTokenCallerNeverGetsANewSession() {
        CallerIdentity byToken = new CallerIdentity(7, "alice", Set.of("user"), 42L);
        ApiException refused = assertThrows(ApiException.class, () -> new TokenService().issue(byToken, "agent"));
        assertEquals(ErrorCatalogue.AUTHENTICATION_FAILED, refused.error());
    }

    @Test
    void aPasswordCallerIsWhatBasicProduces() {
        assertEquals(true, CallerIdentity.byPassword(7, "alice", Set.of("user")).provedPassword());
        assertEquals(false, new CallerIdentity(7, "alice", Set.of("user"), 42L).provedPassword());
    }
}
