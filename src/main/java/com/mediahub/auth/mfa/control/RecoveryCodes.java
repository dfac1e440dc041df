package com.mediahub.auth.mfa.control;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.codec.binary.Base32;

import com.mediahub.platform.crypto.OpaqueValues;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Recovery codes: ten per set, each 80 random bits written as 16 base32 letters and digits in
 * groups of four ({@code k7qm-2xda-pp4r-w6ns}), which people can read aloud and type; no 0, 1, 8
 * or 9 to mistake for letters. Only their SHA-256 is stored (80 random bits need no slow hash),
 * and each works once. Typing is forgiving: case, spaces and dashes do not matter.
 */
@ApplicationScoped
public class RecoveryCodes {

    public static final int PER_SET = 10;
    static final int RANDOM_BYTES = 10;
    private static final int LETTERS = RANDOM_BYTES * 8 / 5;
    private static final Pattern NORMALIZED = Pattern.compile("[a-z2-7]{" + LETTERS + "}");
    /** Longer input cannot be a recovery code: refused before any work. */
    private static final int MAX_INPUT = 64;

    private final SecureRandom random = new SecureRandom();
    private final Base32 base32 = new Base32(); // thread-safe: no state between calls

    /** A new set, as shown to the user once. */
    public List<String> newSet() {
        List<String> codes = new ArrayList<>(PER_SET);
        while (codes.size() < PER_SET) {
            byte[] bytes = new byte[RANDOM_BYTES];
            random.nextBytes(bytes);
            String code = grouped(base32.encodeAsString(bytes).toLowerCase(Locale.ROOT));
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /**
     * What the user typed, reduced to the 16 characters that count, or empty when it cannot be a
     * recovery code (a TOTP code, say).
     */
    public static Optional<String> normalized(String typed) {
        if (typed == null || typed.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String compact = typed.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return NORMALIZED.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /**
     * What is stored of a user's code: the SHA-256 of the user's id and its normalized form. 80
     * random bits need no slow or keyed hash (a dump cannot be searched); the id makes a row
     * match only its own user.
     */
    public static String hash(long userId, String normalized) {
        return OpaqueValues.sha256Hex(userId + ":" + normalized);
    }

    private static String grouped(String letters) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < letters.length(); i += 4) {
            if (i > 0) {
                code.append('-');
            }
            code.append(letters, i, i + 4);
        }
        return code.toString();
    }
}
