package com.mediahub.auth.token.keys;

import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

import com.mediahub.config.ConfigurationException;

/**
 * The keys of access tokens: the one that signs (with its {@code kid}) and every key that still
 * verifies. For HS256 that is the shared secret alone. For ES256/RS256 it is the current private
 * key plus the public keys of previous keys, kept so that tokens they signed verify until they
 * expire; only public parts ever leave this class ({@link #publicKeySet()}).
 *
 * <p>A public key's {@code kid} is its RFC 7638 thumbprint: every instance with the same key
 * computes the same id, with nothing to configure. The HS256 secret's is the constant {@code hs256}.
 */
public final class SigningKeys {

    /** The one HS256 key's id. */
    public static final String HMAC_KID = "hs256";

    /** RSA keys shorter than this are refused (NIST SP 800-131A). */
    public static final int MIN_RSA_BITS = 2048;

    private final SigningAlgorithm algorithm;
    private final Key signingKey;
    private final String kid;
    private final Map<String, JsonWebKey> verificationKeys;
    private final String source;
    private final boolean generated;

    private SigningKeys(SigningAlgorithm algorithm, Key signingKey, String kid, Map<String, JsonWebKey> verificationKeys,
                        String source, boolean generated) {
        this.algorithm = algorithm;
        this.signingKey = signingKey;
        this.kid = kid;
        this.verificationKeys = verificationKeys;
        this.source = source;
        this.generated = generated;
    }

    /** HS256 with the contract's shared secret. */
    public static SigningKeys hmac(SigningSecret secret) {
        HmacKey key = new HmacKey(secret.keyBytes());
        OctetSequenceJsonWebKey jwk = new OctetSequenceJsonWebKey(key);
        // Not a thumbprint: that is an unsalted hash of the secret, and the kid is in every token
        // and in the log, where it would let anyone test guesses of a weak secret offline.
        String kid = HMAC_KID;
        jwk.setKeyId(kid);
        return new SigningKeys(SigningAlgorithm.HS256, key, kid, Map.of(kid, jwk), secret.source(), secret.wasGenerated());
    }

    /**
     * ES256/RS256: {@code current} signs; {@code previous} (public keys of retired keys) still verify.
     *
     * @param source where the current key came from, safe to log
     */
    public static SigningKeys asymmetric(SigningAlgorithm algorithm, PemKeys.Material current, List<PemKeys.Material> previous,
                                         String source, boolean generated) {
        if (current.privateKey() == null) {
            throw new ConfigurationException("The signing key from " + source + " has no private key");
        }
        Map<String, JsonWebKey> keys = new LinkedHashMap<>();
        String kid = add(keys, algorithm, current.publicKey(), source);
        for (PemKeys.Material old : previous) {
            add(keys, algorithm, old.publicKey(), "jwt.verification_key_paths");
        }
        return new SigningKeys(algorithm, current.privateKey(), kid, keys, source, generated);
    }

    private static String add(Map<String, JsonWebKey> keys, SigningAlgorithm algorithm, PublicKey publicKey, String source) {
        checkStrength(algorithm, publicKey, source);
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            String kid = thumbprint(jwk);
            jwk.setKeyId(kid);
            jwk.setUse(Use.SIGNATURE);
            jwk.setAlgorithm(algorithm.joseName());
            keys.put(kid, jwk);
            return kid;
        } catch (JoseException e) {
            throw new ConfigurationException("The key from " + source + " cannot be used: " + e.getMessage());
        }
    }

    private static void checkStrength(SigningAlgorithm algorithm, PublicKey key, String source) {
        if (algorithm == SigningAlgorithm.RS256 && key instanceof RSAPublicKey rsa
                && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new ConfigurationException("The RSA key from " + source + " has " + rsa.getModulus().bitLength()
                    + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        if (algorithm == SigningAlgorithm.ES256 && !(key instanceof ECPublicKey ec
                && EllipticCurves.P_256.equals(EllipticCurves.getName(ec.getParams().getCurve())))) {
            throw new ConfigurationException("The key from " + source + " is not an EC key on curve P-256, which ES256 requires");
        }
    }

    private static String thumbprint(JsonWebKey jwk) {
        return jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    /** The key that signs new tokens (private, or the HMAC secret). */
    public Key signingKey() {
        return signingKey;
    }

    /** The {@code kid} of new tokens. */
    public String kid() {
        return kid;
    }

    /** The key a token's {@code kid} names, if it is one of ours. */
    public Optional<Key> verificationKey(String kid) {
        JsonWebKey jwk = verificationKeys.get(kid);
        return jwk == null ? Optional.empty() : Optional.of(jwk.getKey());
    }

    /** The key for a token without {@code kid} (issued before kids existed): only the current one. */
    public Key currentVerificationKey() {
        return verificationKeys.get(kid).getKey();
    }

    /** The public keys as a JWKS (RFC 7517), or empty in HS256 mode, which has none to publish. */
    public Optional<String> publicKeySet() {
        if (!algorithm.isAsymmetric()) {
            return Optional.empty();
        }
        return Optional.of(new JsonWebKeySet(new ArrayList<>(verificationKeys.values()))
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    /** Where the signing key came from, safe to log. */
    public String source() {
        return source;
    }

    /** True when this start generated the key (or secret) because none was configured. */
    public boolean wasGenerated() {
        return generated;
    }

    @Override
    public String toString() {
        return "SigningKeys[" + algorithm + ", kid " + kid + ", from " + source + "]";
    }

}
