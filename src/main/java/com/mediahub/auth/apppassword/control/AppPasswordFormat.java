package com.mediahub.auth.apppassword.control;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * What an app password looks like (ADR 0024): {@code mhp_}, 30 base62 characters of secret (178
 * random bits) and 6 base62 characters of CRC32 over everything before them, 40 characters in
 * all. The shape of GitHub's tokens: secret scanners recognise the prefix, and the checksum lets
 * the authentication mechanism tell an app password from a password without a database lookup
 * (and tell a typo from a guess). A password that merely starts with the prefix fails the
 * checksum, and stays a password.
 */
public final class AppPasswordFormat {

    public static final String PREFIX = "mhp_";
    static final int SECRET_LENGTH = 30;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + SECRET_LENGTH + CHECKSUM_LENGTH;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private AppPasswordFormat() {
    }

    /** A new app password: every secret character drawn uniformly from the 62. */
    public static String generate(SecureRandom random) {
        StringBuilder value = new StringBuilder(LENGTH).append(PREFIX);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            value.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return value.append(checksum(value)).toString();
    }

    /** Whether the value has the prefix, the length, only base62 after the prefix, and the right checksum. */
    public static boolean isWellFormed(String value) {
        if (value == null || value.length() != LENGTH || !value.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (BASE62.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        int checked = LENGTH - CHECKSUM_LENGTH;
        return checksum(value.subSequence(0, checked)).equals(value.substring(checked));
    }

    /** CRC32 of the characters, in base62, left-padded with zeros to six characters (62^6 > 2^32). */
    static String checksum(CharSequence body) {
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % BASE62.length()));
            value /= BASE62.length();
        }
        return new String(digits);
    }
}
