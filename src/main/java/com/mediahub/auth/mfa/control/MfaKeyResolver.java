package com.mediahub.auth.mfa.control;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.ConfigSources;
import com.mediahub.config.ConfigurationException;
import com.mediahub.config.SecretSaver;

/**
 * Chooses the key that encrypts TOTP secrets, by the same kind of chain as the signing secret:
 * system property {@code fdb.mfa.key}, env {@code FDB_MFA_KEY}, {@code [mfa] key} in config.toml,
 * else 256 fresh random bits saved back into config.toml (its other lines kept). The key is 64
 * hexadecimal digits. Every instance must use the same key; losing it loses the enrolments (an
 * admin resets them).
 */
public final class MfaKeyResolver {

    private static final Logger LOG = Logger.getLogger(MfaKeyResolver.class.getName());

    private final ConfigSources sources;
    private final SecureRandom random;

    public MfaKeyResolver(ConfigSources sources, SecureRandom random) {
        this.sources = sources;
        this.random = random;
    }

    /** The key and where it came from (safe to log: never the key). */
    public record MfaKey(byte[] bytes, String source) {
    }

    public MfaKey resolve(ConfigFile config) {
        Optional<ConfigSources.Found> outside = sources.find("fdb.mfa.key", "FDB_MFA_KEY");
        if (outside.isPresent()) {
            return new MfaKey(parse(outside.get().value(), outside.get().source()), outside.get().source());
        }
        String inFile = "[mfa] key in " + config.path();
        Optional<String> fromFile = config.string("mfa.key");
        if (fromFile.isPresent()) {
            return new MfaKey(parse(fromFile.get(), inFile), inFile);
        }
        byte[] bits = new byte[SecretCipher.KEY_BYTES];
        random.nextBytes(bits);
        SecretSaver.save(config.path(), "mfa", "key", HexFormat.of().formatHex(bits), "FDB_MFA_KEY", "MFA key");
        LOG.info(() -> "Generated a new MFA key (it encrypts TOTP secrets) and saved it to " + config.path()
                + ". Every instance that shares this database must use the same key; without it, enrolments are lost.");
        return new MfaKey(bits, inFile + " (generated)");
    }

    private static byte[] parse(String hex, String source) {
        String trimmed = hex.trim();
        if (!trimmed.matches("[0-9a-fA-F]{" + 2 * SecretCipher.KEY_BYTES + "}")) {
            throw new ConfigurationException("The MFA key from " + source + " must be " + 2 * SecretCipher.KEY_BYTES
                    + " hexadecimal digits (256 bits)");
        }
        return HexFormat.of().parseHex(trimmed);
    }
}
