package com.mediahub.auth.mfa.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks TOTP codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, what every authenticator app
 * does by default). java-otp computes the codes; the window and the comparison are ours: the
 * current step and one either side are accepted (a phone's clock a little off, a code typed as it
 * changed), every step of the window is compared in constant time, and the step that matched is
 * returned so that the caller can spend it once.
 */
@ApplicationScoped
public class TotpCodes {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** Steps accepted on each side of the current one. */
    static final int WINDOW = 1;
    private static final Pattern CODE = Pattern.compile("[0-9]{" + DIGITS + "}");

    /** Secret size: 160 bits, HMAC-SHA1's block of output (RFC 4226 section 4). */
    static final int SECRET_BYTES = 20;

    private final SecureRandom random = new SecureRandom();
    // Thread-safe: it makes a new Mac for every code.
    private final TimeBasedOneTimePasswordGenerator generator =
            new TimeBasedOneTimePasswordGenerator(STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    /** A new random secret for an enrolment. */
    public byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /**
     * Whether the text has the form of a code: 6 ASCII digits, spaces allowed between them (apps
     * show {@code 123 456}); anything else is never compared.
     */
    public static boolean wellFormed(String code) {
        return code != null && code.length() <= 2 * DIGITS && CODE.matcher(code.replace(" ", "")).matches();
    }

    /** The code for the step that contains {@code time}. */
    public String codeAt(byte[] secret, Instant time) {
        try {
            return generator.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), time, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("A TOTP secret is not a usable HMAC key", e);
        }
    }

    /** The number of the 30-second step that contains {@code time}. */
    public static long stepOf(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP.getSeconds());
    }

    /**
     * The step whose code {@code code} is, among the current step and one either side, or empty
     * when it is none of them (or not a code at all).
     */
    public OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (!wellFormed(code)) {
            return OptionalLong.empty();
        }
        byte[] given = code.replace(" ", "").getBytes(StandardCharsets.US_ASCII);
        long current = stepOf(now);
        long matched = Long.MIN_VALUE;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            byte[] expected = codeAt(secret, Instant.ofEpochSecond(step * STEP.getSeconds())).getBytes(StandardCharsets.US_ASCII);
            // Every step is computed and compared, whichever matches: the time taken says nothing.
            if (MessageDigest.isEqual(expected, given) && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }
}
