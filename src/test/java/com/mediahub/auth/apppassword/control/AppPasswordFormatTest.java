package com.mediahub.auth.apppassword.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AppPasswordFormatTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aNewAppPasswordIsThePrefixThirtySecretCharactersAndSixOfChecksum() {
        String value = AppPasswordFormat.generate(random);
        assertEquals(40, value.length(), value);
        assertTrue(value.matches("mhp_[0-9A-Za-z]{36}"), value);
        assertEquals(AppPasswordFormat.checksum(value.substring(0, 34)), value.substring(34), value);
        assertTrue(AppPasswordFormat.isWellFormed(value), value);
    }

    @Test
    void theSecretCarriesAtLeast160RandomBits() {
        double bits = AppPasswordFormat.SECRET_LENGTH * Math.log(62) / Math.log(2);
        assertTrue(bits >= 160, "bits " + bits);
        Set<String> seen = new HashSet<>();
        Set<Character> characters = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String value = AppPasswordFormat.generate(random);
            assertTrue(seen.add(value), "repeated " + value);
            value.substring(4, 34).chars().forEach(c -> characters.add((char) c));
        }
        assertEquals(62, characters.size(), "every base62 character is drawn: " + characters);
    }

    @Test
    void theChecksumIsCrc32InBase62PaddedToSixCharacters() {
        // CRC32("") = 0; CRC32("a") = 0xE8B7BE43 = 3904355907 = 4·62^5 + 16·62^4 + 14·62^3 + 17·62^2 + 20·62 + 23.
        assertEquals("000000", AppPasswordFormat.checksum(""));
        assertEquals("4GEHKN", AppPasswordFormat.checksum("a"));
    }

    @Test
    void everyChangedCharacterBreaksTheChecksum() {
        String value = AppPasswordFormat.generate(random);
        for (int i = 4; i < value.length(); i++) {
            char replacement = value.charAt(i) == 'a' ? 'b' : 'a';
            String changed = value.substring(0, i) + replacement + value.substring(i + 1);
            assertFalse(AppPasswordFormat.isWellFormed(changed), "changed at " + i + ": " + changed);
        }
    }

    @Test
    void theParserRefusesWhatIsNotAnAppPassword() {
        String value = AppPasswordFormat.generate(random);
        String body = value.substring(4);
        assertFalse(AppPasswordFormat.isWellFormed(null));
        assertFalse(AppPasswordFormat.isWellFormed(""));
        assertFalse(AppPasswordFormat.isWellFormed("mhp_"));
        assertFalse(AppPasswordFormat.isWellFormed(value.substring(0, 39)), "too short");
        assertFalse(AppPasswordFormat.isWellFormed(value + "0"), "too long");
        assertFalse(AppPasswordFormat.isWellFormed("MHP_" + body), "the prefix is case-sensitive");
        assertFalse(AppPasswordFormat.isWellFormed("ghp_" + body), "another prefix");
        assertFalse(AppPasswordFormat.isWellFormed(" " + value.substring(1)), "no prefix");
        String secret = value.substring(4, 34);
        for (String foreign : new String[] {"-", "_", "+", "/", "=", "é", " "}) {
            String withForeign = "mhp_" + foreign + secret.substring(1);
            assertFalse(AppPasswordFormat.isWellFormed(withForeign + AppPasswordFormat.checksum(withForeign)),
                    "not base62: " + foreign);
        }
    }

    @Test
    void aPasswordThatStartsWithThePrefixIsNotAnAppPassword() {
        // An ordinary password a user could choose: the prefix, even the length, but no checksum.
        assertFalse(AppPasswordFormat.isWellFormed("mhp_my-long-passphrase"));
        String lookalike = "mhp_" + "correcthorsebatterystaple12345" + "abcdef";
        assertEquals(40, lookalike.length());
        assertNotEquals(AppPasswordFormat.checksum(lookalike.substring(0, 34)), "abcdef");
        assertFalse(AppPasswordFormat.isWellFormed(lookalike));
    }
}
