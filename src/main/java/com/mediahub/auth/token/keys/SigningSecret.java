package com.mediahub.auth.token.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.mediahub.config.ConfigurationException;

/**
 * The HS256 key material: the UTF-8 bytes of the configured secret string. {@link #toString()}
 * never shows it, so it cannot leak through a log line.
 */
public final class SigningSecret {

    /** Contract section 4: shorter secrets are refused at startup. */
    public static final int MIN_BYTES = 32;

    private final byte[] key;
    private final String source;
    private final boolean generated;

    public SigningSecret(String secret, String source) {
        this(secret, source, false);
    }

    /** @param generated true when this start made the secret up (nothing was configured) */
    public SigningSecret(String secret, String source, boolean generated) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new ConfigurationException("The JWT secret from " + source + " is " + bytes.length
                    + " bytes long; at least " + MIN_BYTES + " bytes are required");
        }
        this.key = bytes;
        this.source = source;
        this.generated = generated;
    }

    public boolean wasGenerated() {
        return generated;
    }

    public byte[] keyBytes() {
        return key.clone();
    }

    /** Where the secret came from, e.g. {@code env FDB_JWT_SECRET}; safe to log. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningSecret s && Arrays.equals(key, s.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "SigningSecret[from " + source + "]";
    }
}
