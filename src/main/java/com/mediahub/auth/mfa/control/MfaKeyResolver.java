package com.mediahub.auth.mfa.control;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Logger;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.ConfigSources;
import com.mediahub.config.ConfigurationException;
import com.mediahub.config.GeneratedSecretSetting;

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

    static final GeneratedSecretSetting SETTING = new GeneratedSecretSetting("fdb.mfa.key", "FDB_MFA_KEY", "mfa", "key", "MFA key");

    public MfaKey resolve(ConfigFile config) {
        GeneratedSecretSetting.Resolved key = SETTING.resolve(sources, config, () -> {
            byte[] bits = new byte[SecretCipher.KEY_BYTES];
            random.nextBytes(bits);
            return HexFormat.of().formatHex(bits);
        });
        if (key.generated()) {
            LOG.info(() -> "Generated a new MFA key (it encrypts TOTP secrets) and saved it to " + config.path()
                    + ". Every instance that shares this database must use the same key; without it, enrolments are lost.");
        }
        return new MfaKey(parse(key.value(), key.source()), key.source());
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
