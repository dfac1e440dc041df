package com.mediahub.auth.token.keys;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Logger;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.ConfigSources;
import com.mediahub.config.GeneratedSecretSetting;

/**
 * Chooses the signing secret by the priority of contract section 4: system property
 * {@code fdb.jwt.secret}, env {@code FDB_JWT_SECRET}, {@code [jwt] secret} in config.toml,
 * else 256 fresh random bits saved back into config.toml.
 */
public final class SigningSecretResolver {

    private static final Logger LOG = Logger.getLogger(SigningSecretResolver.class.getName());

    private final ConfigSources sources;
    private final SecureRandom random;

    public SigningSecretResolver(ConfigSources sources, SecureRandom random) {
        this.sources = sources;
        this.random = random;
    }

    /** Contract section 4's order, in {@link GeneratedSecretSetting}. */
    static final GeneratedSecretSetting SETTING =
            new GeneratedSecretSetting("fdb.jwt.secret", "FDB_JWT_SECRET", "jwt", "secret", "JWT secret");

    public SigningSecret resolve(ConfigFile config) {
        GeneratedSecretSetting.Resolved secret = SETTING.resolve(sources, config, () -> {
            byte[] bits = new byte[32];
            random.nextBytes(bits);
            return HexFormat.of().formatHex(bits);
        });
        if (secret.generated()) {
            LOG.info(() -> "Generated a new JWT signing secret and saved it to " + config.path()
                    + ". Every instance that shares this database must use the same secret.");
        }
        return new SigningSecret(secret.value(), secret.source(), secret.generated());
    }
}
