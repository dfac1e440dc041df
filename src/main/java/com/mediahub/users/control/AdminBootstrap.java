package com.mediahub.users.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

import com.mediahub.config.ConfigurationException;
import com.mediahub.security.Role;
import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.User;
import com.mediahub.users.password.PasswordHasher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Contract section 5: when {@code users} is empty, creates {@code admin} (roles admin, user)
 * with the password from {@code FDB_ADMIN_PASSWORD}, else the bcrypt hash in the file named by
 * {@code FDB_ADMIN_PASSWORD_HASH_FILE}, else a random password logged once at WARN.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    static final String ADMIN = "admin";

    @Inject
    JpaUserRepository users;
    @Inject
    PasswordHasher passwords;
    @Inject
    Clock clock;

    @Transactional
    public void createAdminIfNoUsers() {
        if (users.count() > 0) {
            return;
        }
        String password = System.getenv("FDB_ADMIN_PASSWORD");
        String hashFile = System.getenv("FDB_ADMIN_PASSWORD_HASH_FILE");
        String hash;
        String generated = null;
        if (password != null && !password.isEmpty()) {
            UserService.checkPassword("FDB_ADMIN_PASSWORD", password);
            hash = passwords.hash(password);
        } else if (hashFile != null && !hashFile.isBlank()) {
            hash = readHash(Path.of(hashFile));
        } else {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            hash = passwords.hash(generated);
        }
        try {
            users.add(new User(ADMIN, hash, Set.of(Role.ADMIN, Role.USER), OffsetDateTime.now(clock)));
        } catch (PersistenceException anotherInstanceWasFaster) {
            LOG.info("Another instance created the admin user first");
            return;
        }
        if (generated != null) {
            String shown = generated;
            LOG.warning(() -> "Created user 'admin' with the generated password: " + shown
                    + "  (shown once; set FDB_ADMIN_PASSWORD or FDB_ADMIN_PASSWORD_HASH_FILE to choose it)");
        } else {
            LOG.info(() -> "Created user 'admin' with the password from " + (password != null && !password.isEmpty()
                    ? "env FDB_ADMIN_PASSWORD" : "the hash file " + hashFile));
        }
    }

    private static String readHash(Path file) {
        try {
            String hash = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!PasswordHasher.isBcryptHash(hash)) {
                throw new ConfigurationException("FDB_ADMIN_PASSWORD_HASH_FILE " + file + " does not hold a bcrypt hash");
            }
            return hash;
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read FDB_ADMIN_PASSWORD_HASH_FILE " + file + ": " + e.getMessage(), e);
        }
    }
}
