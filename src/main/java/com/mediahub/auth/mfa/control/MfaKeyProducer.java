package com.mediahub.auth.mfa.control;

import java.security.SecureRandom;
import java.util.logging.Logger;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.ConfigSources;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Reads (or generates) the MFA key once, when the application starts, so that a malformed key
 * stops the deployment with a message naming its source instead of failing a sign-in later.
 */
@ApplicationScoped
public class MfaKeyProducer {

    private static final Logger LOG = Logger.getLogger(MfaKeyProducer.class.getName());

    @Inject
    ConfigFile file;
    @Inject
    ConfigSources sources;

    private SecretCipher cipher;

    @PostConstruct
    void load() {
        MfaKeyResolver.MfaKey key = new MfaKeyResolver(sources, new SecureRandom()).resolve(file);
        cipher = new SecretCipher(key.bytes());
        LOG.info(() -> "TOTP secrets encrypted with MFA key id " + cipher.keyId() + ", from " + key.source());
    }

    @Produces
    SecretCipher cipher() {
        return cipher;
    }

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        cipher.keyId(); // resolved at deployment, not at the first enrolment
    }
}
