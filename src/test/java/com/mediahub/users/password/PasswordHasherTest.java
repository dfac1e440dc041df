package com.mediahub.users.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mediahub.config.AbuseLimits;
import com.mediahub.config.Settings;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @BeforeEach
    void lowCostForSpeed() {
        hasher.settings = Settings.defaults().withBcryptCost(4);
        hasher.gate = new PasswordCheckGate(AbuseLimits.defaults());
        hasher.init();
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse: battery staple");
        assertTrue(PasswordHasher.isBcryptHash(hash), hash);
        assertTrue(hash.startsWith("$2b$04$"), hash);
        assertTrue(hasher.verify("correct horse: battery staple", hash));
        assertFalse(hasher.verify("correct horse: battery stapl", hash));
    }

    @Test
    void seventyTwoBytesWorkAndMoreAreRefusedNotTruncated() {
        String max = "é".repeat(36); // 72 UTF-8 bytes
        String hash = hasher.hash(max);
        assertTrue(hasher.verify(max, hash));
        assertFalse(hasher.verify(max + "x", hash), "a 73-byte password must not match its 72-byte prefix");
        assertFalse(PasswordHasher.fitsBcrypt(max + "x"));
    }

    @Test
    void aMalformedStoredHashIsAFailureNotAnError() {
        assertFalse(hasher.verify("whatever", "not-a-hash"));
    }

    @Test
    void recognisesBcryptHashes() {
        assertTrue(PasswordHasher.isBcryptHash("$2y$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"));
        assertFalse(PasswordHasher.isBcryptHash("$1$plainmd5"));
        assertFalse(PasswordHasher.isBcryptHash(null));
    }
}
