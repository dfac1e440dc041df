package com.mediahub.auth.token.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Fresh key pairs for the tests and benchmarks of ES256/RS256. */
public final class TestKeys {

    private TestKeys() {
    }

    /** An EC pair on a named curve, e.g. {@code secp256r1} (P-256). */
    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The smallest valid pair for the algorithm: P-256, or RSA 2048. */
    public static KeyPair pair(SigningAlgorithm algorithm) {
        return algorithm == SigningAlgorithm.ES256 ? ec("secp256r1") : rsa(2048);
    }

    /** Signing keys with {@code pair} signing and nothing else verifying. */
    public static SigningKeys signingKeys(SigningAlgorithm algorithm, KeyPair pair) {
        return SigningKeys.asymmetric(algorithm, new PemKeys.Material(pair.getPrivate(), pair.getPublic()),
                java.util.List.of(), "test", false);
    }
}
