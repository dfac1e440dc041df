package com.mediahub.auth.mfa.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.mediahub.platform.crypto.OpaqueValues;

/**
 * TOTP secrets at rest: AES-256-GCM under the instance-wide MFA key. Unlike passwords the server
 * must read them back, so they are encrypted rather than hashed. A stored value is
 * {@code v1.<key id>.<base64url(nonce || ciphertext || tag)>}: the key id (the first 8 hex digits
 * of the SHA-256 of the key's hex form, 32 bits that say nothing useful about the key) lets a later key rotation tell which
 * key a value needs. The user's id is authenticated with it (GCM's associated data), so a value
 * copied into another user's row does not decrypt.
 */
public final class SecretCipher {

    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "v1";

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The MFA key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = OpaqueValues.sha256Hex(HexFormat.of().formatHex(key)).substring(0, 8);
    }

    public String keyId() {
        return keyId;
    }

    public String encrypt(long userId, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, userId);
            byte[] sealed = cipher.doFinal(secret);
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + "." + keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    /** The secret, or {@link Unreadable} when the value was changed, belongs to another user or key. */
    public byte[] decrypt(long userId, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new Unreadable("not a stored TOTP secret");
        }
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw new Unreadable("not a stored TOTP secret");
        }
        if (!parts[1].equals(keyId)) {
            throw new Unreadable("encrypted under another MFA key (id " + parts[1] + ", this one is " + keyId + ")");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("not a stored TOTP secret");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new Unreadable("not a stored TOTP secret");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), userId);
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new Unreadable("changed, or not this user's");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, long userId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("mediahub-totp-user:" + userId).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** A stored secret that cannot be decrypted: tampered with, another user's, or another key's. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String why) {
            super("TOTP secret unreadable: " + why);
        }
    }
}
