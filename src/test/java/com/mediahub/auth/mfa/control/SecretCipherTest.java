package com.mediahub.auth.mfa.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** TOTP secrets at rest: round trip, and every way a stored value can be wrong is detected. */
class SecretCipherTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final SecretCipher cipher = new SecretCipher(key(7));
    private final byte[] secret = new TotpCodes().newSecret();

    @Test
    void roundTripAndTheValueCarriesTheKeyIdButNotTheSecret() {
        String stored = cipher.encrypt(42, secret);
        assertArrayEquals(secret, cipher.decrypt(42, stored));
        assertTrue(stored.startsWith("v1." + cipher.keyId() + "."), stored);
        assertEquals(8, cipher.keyId().length());
        byte[] payload = Base64.getUrlDecoder().decode(stored.substring(stored.lastIndexOf('.') + 1));
        assertEquals(12 + secret.length + 16, payload.length, "nonce, ciphertext, tag");
        assertFalse(java.util.Collections.indexOfSubList(toList(payload), toList(secret)) >= 0, "the secret is not in the stored value");
    }

    private static java.util.List<Byte> toList(byte[] bytes) {
        java.util.List<Byte> list = new java.util.ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    @Test
    void eachEncryptionUsesAFreshNonce() {
        assertNotEquals(cipher.encrypt(42, secret), cipher.encrypt(42, secret));
    }

    @Test
    void everyChangedByteIsDetected() {
        String stored = cipher.encrypt(42, secret);
        String prefix = stored.substring(0, stored.lastIndexOf('.') + 1);
        byte[] sealed = Base64.getUrlDecoder().decode(stored.substring(prefix.length()));
        for (int i = 0; i < sealed.length; i++) {
            byte[] changed = sealed.clone();
            changed[i] ^= 0x01;
            String tampered = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
            assertThrows(SecretCipher.Unreadable.class, () -> cipher.decrypt(42, tampered), "byte " + i);
        }
    }

    @Test
    void anotherUsersValueDoesNotDecrypt() {
        String stored = cipher.encrypt(42, secret);
        assertThrows(SecretCipher.Unreadable.class, () -> cipher.decrypt(43, stored));
    }

    @Test
    void anotherKeysValueIsRecognisedByItsKeyId() {
        SecretCipher other = new SecretCipher(key(8));
        assertNotEquals(cipher.keyId(), other.keyId());
        SecretCipher.Unreadable refused = assertThrows(SecretCipher.Unreadable.class, () -> cipher.decrypt(42, other.encrypt(42, secret)));
        assertTrue(refused.getMessage().contains(other.keyId()), refused.getMessage());
    }

    @Test
    void malformedValuesAreUnreadableNotCrashes() {
        for (String stored : new String[]{null, "", "v1", "v2.abcdefgh.AAAA", "v1." + cipher.keyId() + ".%%%", "v1." + cipher.keyId() + ".AAAA"}) {
            assertThrows(SecretCipher.Unreadable.class, () -> cipher.decrypt(42, stored), String.valueOf(stored));
        }
    }

    @Test
    void onlyA256BitKeyIsAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher(new byte[16]));
    }
}
