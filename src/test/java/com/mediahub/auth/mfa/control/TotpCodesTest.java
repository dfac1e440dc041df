package com.mediahub.auth.mfa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 6238's test vectors, and the window: which steps a code is accepted in, and which not. */
class TotpCodesTest {

    /** RFC 6238 Appendix B's SHA-1 seed: the ASCII string "12345678901234567890". */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private final TotpCodes codes = new TotpCodes();

    /** Appendix B gives 8 digits; 6-digit codes are their last six (the same number modulo 10^6). */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
        "2000000000, 69279037", "20000000000, 65353130"})
    void rfc6238TestVectors(long seconds, String eightDigits) {
        assertEquals(eightDigits.substring(2), codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(seconds)));
    }

    @Test
    void theCurrentStepAndOneEitherSideAreAcceptedAndTheMatchingStepIsNamed() {
        Instant now = Instant.ofEpochSecond(1_111_111_111); // step 37037037, 1 s into it
        long current = TotpCodes.stepOf(now);
        for (long offset = -1; offset <= 1; offset++) {
            String code = codes.codeAt(RFC_SECRET, Instant.ofEpochSecond((current + offset) * 30));
            assertEquals(OptionalLong.of(current + offset), codes.matchingStep(RFC_SECRET, code, now), "offset " + offset);
        }
    }

    @Test
    void twoStepsAwayIsRefusedOnEitherSide() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long current = TotpCodes.stepOf(now);
        for (long offset : new long[]{-2, 2}) {
            String code = codes.codeAt(RFC_SECRET, Instant.ofEpochSecond((current + offset) * 30));
            assertNotEquals(codes.codeAt(RFC_SECRET, now), code, "the vectors differ, else this test proves nothing");
            assertTrue(codes.matchingStep(RFC_SECRET, code, now).isEmpty(), "offset " + offset);
        }
    }

    @Test
    void theWindowMovesAtTheStepBoundary() {
        long step = 40_000_000;
        String previous = codes.codeAt(RFC_SECRET, Instant.ofEpochSecond((step - 1) * 30));
        // The last second of step: step - 1 is the window's edge and still accepted ...
        assertEquals(OptionalLong.of(step - 1), codes.matchingStep(RFC_SECRET, previous, Instant.ofEpochSecond(step * 30 + 29)));
        // ... and one second later, in step + 1, it is two steps back.
        assertTrue(codes.matchingStep(RFC_SECRET, previous, Instant.ofEpochSecond(step * 30 + 30)).isEmpty());
    }

    @Test
    void aCodeAsAppsShowItWithASpaceIsAccepted() {
        Instant now = Instant.ofEpochSecond(59);
        String code = codes.codeAt(RFC_SECRET, now);
        assertEquals(OptionalLong.of(1), codes.matchingStep(RFC_SECRET, code.substring(0, 3) + " " + code.substring(3), now));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", "abcdef", "12 456", "１２３４５６", "-12345", "1 2 3 4 5 6 7"})
    void whatIsNotSixAsciiDigitsIsNeverACode(String code) {
        assertFalse(TotpCodes.wellFormed(code));
        assertTrue(codes.matchingStep(RFC_SECRET, code, Instant.ofEpochSecond(59)).isEmpty());
    }

    @Test
    void anotherSecretsCodeIsRefused() {
        Instant now = Instant.ofEpochSecond(59);
        byte[] other = "another secret, 20 b".getBytes(StandardCharsets.US_ASCII);
        assertTrue(codes.matchingStep(RFC_SECRET, codes.codeAt(other, now), now).isEmpty());
    }

    @Test
    void newSecretsAre160RandomBits() {
        byte[] first = codes.newSecret();
        assertEquals(20, first.length);
        assertFalse(java.util.Arrays.equals(first, codes.newSecret()));
    }
}
