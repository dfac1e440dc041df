package com.mediahub.users.startup;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.logging.Logger;

import com.mediahub.security.Role;
import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.User;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Contract section 5: when {@code users} is empty, creates {@code admin} (roles admin, user)
 * with the {@link StartupPassword}: chosen by the operator, or random and logged once at WARN.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    static final String ADMIN = "admin";
    /** The start of the line that shows a generated password; the README's grep looks for it. */
    static final String GENERATED = "Created user 'admin' with the generated password: ";

    @Inject
    JpaUserRepository users;
    @Inject
    StartupPassword startupPassword;
    @Inject
    Clock clock;

    /** Returns whether it created the admin. */
    @Transactional
    public boolean createAdminIfNoUsers() {
        if (users.count() > 0) {
            return false;
        }
        StartupPassword.Chosen password = startupPassword.choose();
        try {
            users.add(new User(ADMIN, password.hash(), Set.of(Role.ADMIN, Role.USER), OffsetDateTime.now(clock)));
        } catch (PersistenceException anotherInstanceWasFaster) {
            LOG.info("Another instance created the admin user first");
            return false;
        }
        password.generated().ifPresentOrElse(
                generated -> LOG.warning(() -> GENERATED + generated + "  (shown once; set "
                        + StartupPassword.PASSWORD + " or " + StartupPassword.HASH_FILE + " to choose it)"),
                () -> LOG.info(() -> "Created user 'admin' with the password from " + password.source()));
        return true;
    }
}
