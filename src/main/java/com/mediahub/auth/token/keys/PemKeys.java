package com.mediahub.auth.token.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mediahub.config.ConfigurationException;

/**
 * PEM files of signing keys, read and written with the JDK alone: a {@code PRIVATE KEY} block
 * (PKCS#8, as {@code openssl genpkey} writes it) and/or a {@code PUBLIC KEY} block (X.509
 * SubjectPublicKeyInfo, {@code openssl pkey -pubout}). An RSA public key is derived from the
 * private key; the JDK cannot derive an EC public key, so an EC key file carries both blocks
 * (which is what this application writes when it generates one).
 */
public final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private PemKeys() {
    }

    /** What a PEM text holds; {@code privateKey} is null for a public-only file. */
    public record Material(PrivateKey privateKey, PublicKey publicKey) {
    }

    /** @param source where the text came from, for error messages (never the text itself) */
    public static Material read(String pem, String keyAlgorithm, String source) {
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        Matcher block = BLOCK.matcher(pem);
        try {
            KeyFactory factory = KeyFactory.getInstance(keyAlgorithm);
            while (block.find()) {
                byte[] der = Base64.getMimeDecoder().decode(block.group(2));
                switch (block.group(1)) {
                    case "PRIVATE KEY" -> privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
                    case "PUBLIC KEY" -> publicKey = factory.generatePublic(new X509EncodedKeySpec(der));
                    case "EC PRIVATE KEY", "RSA PRIVATE KEY" -> throw new ConfigurationException("The key in " + source
                            + " is in the traditional " + block.group(1) + " format; convert it to PKCS#8 with "
                            + "'openssl pkcs8 -topk8 -nocrypt -in OLD.pem -out NEW.pem'"
                            + ("EC PRIVATE KEY".equals(block.group(1)) ? " and append its public key with "
                            + "'openssl pkey -in NEW.pem -pubout >> NEW.pem'" : ""));
                    case "ENCRYPTED PRIVATE KEY" -> throw new ConfigurationException("The key in " + source
                            + " is encrypted; give an unencrypted PKCS#8 key and protect the file (mode 0600)");
                    default -> {
                        // certificates and other blocks are not keys: ignored
                    }
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigurationException("The key in " + source + " is not a readable " + keyAlgorithm
                    + " key in PEM (PKCS#8 / X.509): " + e.getMessage());
        }
        if (publicKey == null && privateKey instanceof RSAPrivateCrtKey rsa) {
            publicKey = rsaPublicOf(rsa);
        }
        if (privateKey == null && publicKey == null) {
            throw new ConfigurationException("No " + keyAlgorithm + " key found in " + source
                    + ": expected a PEM '-----BEGIN PRIVATE KEY-----' (PKCS#8) or '-----BEGIN PUBLIC KEY-----' block");
        }
        if (publicKey == null) {
            throw new ConfigurationException("The EC private key in " + source + " needs its public key in the "
                    + "same file: append it with 'openssl pkey -in KEY.pem -pubout >> KEY.pem'");
        }
        return new Material(privateKey, publicKey);
    }

    private static PublicKey rsaPublicOf(RSAPrivateCrtKey key) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both blocks of a key pair. */
    public static String write(KeyPair pair) {
        return block("PRIVATE KEY", pair.getPrivate().getEncoded()) + block("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
