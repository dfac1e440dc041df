package com.mediahub.users.password;

import java.nio.charset.StandardCharsets;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

import com.mediahub.config.Settings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * bcrypt hashing and checking. Passwords over 72 UTF-8 bytes are refused rather than silently
 * truncated (two passwords with the same first 72 bytes must not both work). Checking a password
 * for an unknown user costs the same bcrypt work as for a known one, so response time does not
 * tell which usernames exist.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int MAX_PASSWORD_BYTES = 72;

    @Inject
    Settings settings;
    @Inject
    PasswordCheckGate gate;

    private String dummyHash;

    @PostConstruct
    void init() {
        // A hash at the configured cost, so that the unknown-user path does the same work.
        dummyHash = hash("timing-equaliser-not-a-password");
    }

    /** Hashes in a slot of the {@link PasswordCheckGate} (503 when too many run already). */
    public String hash(String password) {
        return gate.run(() -> new String(hasher().hash(settings.bcryptCost(), password.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.US_ASCII));
    }

    /** Checks in a slot of the {@link PasswordCheckGate} (503 when too many run already). */
    public boolean verify(String password, String storedHash) {
        return gate.run(() -> check(password, storedHash));
    }

    private static boolean check(String password, String storedHash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            check("x", storedHash); // the same work, and then refused
            return false;
        }
        try {
            return BCrypt.verifyer(BCrypt.Version.VERSION_2B, LongPasswordStrategies.strict(BCrypt.Version.VERSION_2B))
                    .verify(bytes, storedHash.getBytes(StandardCharsets.US_ASCII)).verified;
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }

    /** The work of one verification, for the paths that have nothing to verify. */
    public void burnEquivalentWork() {
        verify("x", dummyHash);
    }

    /** Whether a stored hash was made with a lower cost than configured now (it is re-hashed at the next login). */
    public boolean needsUpgrade(String storedHash) {
        return isBcryptHash(storedHash) && Integer.parseInt(storedHash.substring(4, 6)) < settings.bcryptCost();
    }

    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    /** Whether {@code value} looks like a bcrypt hash ($2a$/$2b$/$2y$, cost, 53 characters of salt and hash). */
    public static boolean isBcryptHash(String value) {
        return value != null && value.matches("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    }

    private static BCrypt.Hasher hasher() {
        return BCrypt.with(BCrypt.Version.VERSION_2B, LongPasswordStrategies.strict(BCrypt.Version.VERSION_2B));
    }
}
