package com.mediahub.auth.mfa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Recovery codes: their form, their entropy, forgiving input, and what is stored of them. */
class RecoveryCodesTest {

    private final RecoveryCodes recoveryCodes = new RecoveryCodes();

    @Test
    void aSetIsTenDistinctCodesOfSixteenBase32CharactersInGroupsOfFour() {
        List<String> set = recoveryCodes.newSet();
        assertEquals(10, set.size());
        assertEquals(10, new HashSet<>(set).size(), set.toString());
        set.forEach(code -> assertTrue(code.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"), code));
    }

    @Test
    void everyPositionOfACodeTakesTheWholeAlphabet() {
        // 16 base32 characters carry 80 bits only if each position can be any of the 32: across
        // 2,000 codes every character shows up in every position (a fixed or narrowed position
        // would not). The bits themselves come from SecureRandom.
        List<HashSet<Character>> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            seen.add(new HashSet<>());
        }
        for (int round = 0; round < 200; round++) {
            for (String code : recoveryCodes.newSet()) {
                String letters = code.replace("-", "");
                for (int i = 0; i < 16; i++) {
                    seen.get(i).add(letters.charAt(i));
                }
            }
        }
        seen.forEach(position -> assertEquals(32, position.size(), position.toString()));
    }

    @Test
    void typingIsForgivingAboutCaseSpacesAndDashes() {
        String code = recoveryCodes.newSet().get(0);
        String normalized = code.replace("-", "");
        assertEquals(Optional.of(normalized), RecoveryCodes.normalized(code));
        assertEquals(Optional.of(normalized), RecoveryCodes.normalized(code.toUpperCase(java.util.Locale.ROOT)));
        assertEquals(Optional.of(normalized), RecoveryCodes.normalized(normalized));
        assertEquals(Optional.of(normalized), RecoveryCodes.normalized(code.replace("-", " ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123456", "abcd-efgh-ijkl", "abcd-efgh-ijkl-mnop-q", "abcd-efgh-ijkl-mno1", "abcd-efgh-ijkl-mno8"})
    void whatCannotBeARecoveryCodeIsNotOne(String typed) {
        assertTrue(RecoveryCodes.normalized(typed).isEmpty(), typed);
    }

    @Test
    void hugeInputIsRefusedBeforeAnyWork() {
        assertTrue(RecoveryCodes.normalized("a".repeat(65)).isEmpty());
        assertTrue(RecoveryCodes.normalized(null).isEmpty());
    }

    @Test
    void onlyAHashIsStoredAndItIsTheSameForEveryWayOfTypingTheCode() {
        String code = recoveryCodes.newSet().get(0);
        String stored = RecoveryCodes.hash(7, RecoveryCodes.normalized(code).orElseThrow());
        assertTrue(stored.matches("[0-9a-f]{64}"), stored);
        assertEquals(stored, RecoveryCodes.hash(7, RecoveryCodes.normalized(code.toUpperCase(java.util.Locale.ROOT)).orElseThrow()));
        assertNotEquals(stored, RecoveryCodes.hash(7, RecoveryCodes.normalized(recoveryCodes.newSet().get(0)).orElseThrow()));
        assertNotEquals(stored, RecoveryCodes.hash(8, RecoveryCodes.normalized(code).orElseThrow()), "another user's row never matches");
    }
}
