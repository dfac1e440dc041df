package com.mediahub.users.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;

import com.mediahub.config.ConfigSources;
import com.mediahub.config.ConfigurationException;
import com.mediahub.users.control.UserService;
import com.mediahub.users.password.PasswordHasher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The password an admin gets from the machine at start-up, for the first admin and for a reset:
 * {@code FDB_ADMIN_PASSWORD}, else the bcrypt hash in the file named by
 * {@code FDB_ADMIN_PASSWORD_HASH_FILE}, else a random one that the caller logs once.
 */
@ApplicationScoped
public class StartupPassword {

    static final String PASSWORD = "FDB_ADMIN_PASSWORD";
    static final String HASH_FILE = "FDB_ADMIN_PASSWORD_HASH_FILE";

    @Inject
    ConfigSources sources;
    @Inject
    PasswordHasher passwords;

    /**
     * A chosen password: its hash, the generated password when there was nothing to choose
     * from, where it came from (for the log: never the value), and whether a stored hash
     * already stands for it.
     */
    public record Chosen(String hash, Optional<String> generated, String source, Predicate<String> isAlready) {
    }

    /** Where an operator chose a password, if they did: {@code env FDB_ADMIN_PASSWORD} or the hash file's. */
    public Optional<String> operatorsChoice() {
        return sources.find("fdb.admin.password", PASSWORD).map(found -> found.source())
                .or(() -> sources.find("fdb.admin.password_hash_file", HASH_FILE).map(found -> found.source()));
    }

    public Chosen choose() {
        Optional<String> password = sources.lookup("fdb.admin.password", PASSWORD);
        if (password.isPresent()) {
            String plain = password.get();
            UserService.checkPassword(PASSWORD, plain);
            return new Chosen(passwords.hash(plain), Optional.empty(), "env " + PASSWORD,
                    stored -> passwords.verify(plain, stored));
        }
        Optional<String> hashFile = sources.lookup("fdb.admin.password_hash_file", HASH_FILE);
        if (hashFile.isPresent()) {
            String hash = readHash(Path.of(hashFile.get()));
            return new Chosen(hash, Optional.empty(), "the hash file " + hashFile.get(), hash::equals);
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Chosen(passwords.hash(generated), Optional.of(generated), "a generated password", stored -> false);
    }

    private static String readHash(Path file) {
        try {
            String hash = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!PasswordHasher.isBcryptHash(hash)) {
                throw new ConfigurationException(HASH_FILE + " " + file + " does not hold a bcrypt hash");
            }
            return hash;
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + HASH_FILE + " " + file + ": " + e.getMessage(), e);
        }
    }
}
