package com.mediahub.auth.token.keys;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.ConfigSources;
import com.mediahub.config.SecretSaver;

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

    public SigningSecret resolve(ConfigFile config) {
        Optional<ConfigSources.Found> outside = sources.find("fdb.jwt.secret", "FDB_JWT_SECRET");
        if (outside.isPresent()) {
            return new SigningSecret(outside.get().value(), outside.get().source());
        }
        Optional<String> fromFile = config.string("jwt.secret");
        if (fromFile.isPresent()) {
            return new SigningSecret(fromFile.get(), "[jwt] secret in " + config.path());
        }
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String generated = HexFormat.of().formatHex(bits);
        SecretSaver.save(config.path(), generated);
        LOG.info(() -> "Generated a new JWT signing secret and saved it to " + config.path()
                + ". Every instance that shares this database must use the same secret.");
        return new SigningSecret(generated, "[jwt] secret in " + config.path() + " (generated)", true);
    }

}
