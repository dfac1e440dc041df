package com.mediahub.auth.token.keys;

import java.util.Locale;

import org.jose4j.jws.AlgorithmIdentifiers;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.ConfigurationException;

/** {@code [jwt] algorithm}: how access tokens are signed. HS256 stays the default. */
public enum SigningAlgorithm {
    /** HMAC with the shared secret of contract section 4: whoever verifies can also mint. */
    HS256(AlgorithmIdentifiers.HMAC_SHA256, null),
    /** ECDSA on P-256: small keys and signatures; verifiers need only the public key. */
    ES256(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, "EC"),
    /** RSA PKCS#1 v1.5 with SHA-256: the algorithm every JWT library and MP-JWT runtime supports. */
    RS256(AlgorithmIdentifiers.RSA_USING_SHA256, "RSA");

    private final String joseName;
    private final String keyAlgorithm;

    SigningAlgorithm(String joseName, String keyAlgorithm) {
        this.joseName = joseName;
        this.keyAlgorithm = keyAlgorithm;
    }

    /** The JWS {@code alg} value. */
    public String joseName() {
        return joseName;
    }

    /** The JCA key algorithm ({@code EC}, {@code RSA}), or null for HMAC. */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public boolean isAsymmetric() {
        return keyAlgorithm != null;
    }

    public static SigningAlgorithm from(ConfigFile file) {
        String value = file.string("jwt.algorithm").orElse("HS256").trim();
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Setting jwt.algorithm in " + file.path()
                    + " must be \"HS256\", \"ES256\" or \"RS256\", was \"" + value + "\"");
        }
    }
}
