package com.mediahub.auth.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    @Test
    void tokensCarry256RandomBitsInBase64Url() {
        String token = RefreshTokens.generate(new SecureRandom());
        assertEquals(43, token.length(), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
    }

    @Test
    void tokensDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(RefreshTokens.generate(random)));
        }
    }

    @Test
    void hashIsLowerCaseSha256Hex() {
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", RefreshTokens.hash("abc"));
    }

    @Test
    void implausibleInputIsRecognisedWithoutHashing() {
        assertTrue(RefreshTokens.plausible("x"));
        assertTrue(!RefreshTokens.plausible(""));
        assertTrue(!RefreshTokens.plausible("a".repeat(RefreshTokens.MAX_LENGTH + 1)));
    }
}
