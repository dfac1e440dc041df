package com.mediahub.auth.token.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.ConfigSources;
import com.mediahub.config.ConfigurationException;
import com.mediahub.config.PrivateFiles;

/**
 * Chooses the private key for ES256/RS256 by the same priority as the HS256 secret: system
 * property {@code fdb.jwt.private_key}, env {@code FDB_JWT_PRIVATE_KEY} (either a PEM text or the
 * path of a PEM file), {@code [jwt] private_key_path} in config.toml (relative to its directory),
 * else the file {@code jwt-es256-key.pem} / {@code jwt-rs256-key.pem} next to config.toml,
 * generated (mode 0600) on the first start. {@code [jwt] verification_key_paths} lists more keys
 * (PEM files; only their public keys are used) that verify and are published besides the signing
 * key: the next key before a rotation (so that verifiers know it before it signs anything) and
 * the previous key after one (so that its tokens verify until they expire).
 */
public final class SigningKeyResolver {

    private static final Logger LOG = Logger.getLogger(SigningKeyResolver.class.getName());
    private static final int GENERATED_RSA_BITS = 3072;

    private final ConfigSources sources;
    private final SecureRandom random;

    public SigningKeyResolver(ConfigSources sources, SecureRandom random) {
        this.sources = sources;
        this.random = random;
    }

    public SigningKeys resolve(ConfigFile config, SigningAlgorithm algorithm) {
        Path directory = config.path().toAbsolutePath().getParent();
        List<PemKeys.Material> previous = config.stringList("jwt.verification_key_paths").stream()
                .map(p -> readFile(directory.resolve(p), algorithm, "jwt.verification_key_paths entry " + p))
                .toList();

        Optional<ConfigSources.Found> outside = sources.find("fdb.jwt.private_key", "FDB_JWT_PRIVATE_KEY");
        if (outside.isPresent()) {
            return fromValue(outside.get().value(), algorithm, previous, outside.get().source());
        }
        Optional<String> configured = config.string("jwt.private_key_path").filter(p -> !p.isBlank());
        if (configured.isPresent()) {
            Path path = directory.resolve(configured.get());
            String source = "[jwt] private_key_path " + path;
            return SigningKeys.asymmetric(algorithm, readFile(path, algorithm, source), previous, source, false);
        }
        Path standard = directory.resolve("jwt-" + algorithm.name().toLowerCase(Locale.ROOT) + "-key.pem");
        if (Files.exists(standard)) {
            return SigningKeys.asymmetric(algorithm, readFile(standard, algorithm, standard.toString()), previous,
                    standard.toString(), false);
        }
        KeyPair generated = generate(algorithm);
        try {
            PrivateFiles.write(standard, PemKeys.write(generated));
        } catch (IOException | UnsupportedOperationException e) {
            throw new ConfigurationException("Cannot save the generated " + algorithm + " key to " + standard + ": " + e.getMessage(), e);
        }
        LOG.info(() -> "Generated a new " + algorithm + " signing key and saved it to " + standard
                + " (mode 0600). Every instance that shares this database must use the same key.");
        return SigningKeys.asymmetric(algorithm, new PemKeys.Material(generated.getPrivate(), generated.getPublic()),
                previous, standard + " (generated)", true);
    }

    private static SigningKeys fromValue(String value, SigningAlgorithm algorithm, List<PemKeys.Material> previous,
                                         String source) {
        if (value.contains("-----BEGIN")) {
            return SigningKeys.asymmetric(algorithm, PemKeys.read(value, algorithm.keyAlgorithm(), source), previous, source, false);
        }
        // Not PEM text: a file path, or else a secret in some other form (e.g. base64 of a PEM),
        // which must not be echoed into the log.
        Path path;
        try {
            path = Path.of(value.trim());
        } catch (java.nio.file.InvalidPathException notAPath) {
            path = null;
        }
        if (path == null || !Files.isRegularFile(path)) {
            throw new ConfigurationException("The value of " + source + " is neither a PEM text ('-----BEGIN PRIVATE KEY-----"
                    + "...') nor the path of a readable file (the value itself is not shown)");
        }
        String described = source + " (file " + path + ")";
        return SigningKeys.asymmetric(algorithm, readFile(path, algorithm, described), previous, described, false);
    }

    private static PemKeys.Material readFile(Path path, SigningAlgorithm algorithm, String source) {
        try {
            return PemKeys.read(Files.readString(path, StandardCharsets.UTF_8), algorithm.keyAlgorithm(), source);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the " + algorithm + " key file " + path + " (" + source + "): "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    private KeyPair generate(SigningAlgorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyAlgorithm());
            if (algorithm == SigningAlgorithm.ES256) {
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            } else {
                generator.initialize(GENERATED_RSA_BITS, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + algorithm + " key", e);
        }
    }

}
