package com.mediahub.users.startup;

import java.util.Optional;
import java.util.logging.Logger;

import com.mediahub.audit.AuditEvent;
import com.mediahub.config.ConfigSources;
import com.mediahub.config.ConfigurationException;
import com.mediahub.security.Role;
import com.mediahub.users.control.PasswordReplacement;
import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.User;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The way back in for an operator who lost the admin password: start the server with
 * {@code FDB_ADMIN_PASSWORD_RESET=<admin's username>} and the new password in
 * {@code FDB_ADMIN_PASSWORD} (or {@code FDB_ADMIN_PASSWORD_HASH_FILE}; with neither, a random
 * one is logged once). It works only at start-up, so only from the machine, never over HTTP.
 * The reset is a password change like any other (the admin's sessions and access tokens are
 * revoked, the audit log says {@code password.reset_at_startup}) and is logged at WARN, asking
 * for the variable to be removed. Starting again with the same password changes nothing, so a
 * forgotten variable does not sign the admin out at every restart.
 */
@ApplicationScoped
public class AdminPasswordReset {

    private static final Logger LOG = Logger.getLogger(AdminPasswordReset.class.getName());
    static final String VARIABLE = "FDB_ADMIN_PASSWORD_RESET";

    @Inject
    ConfigSources sources;
    @Inject
    JpaUserRepository users;
    @Inject
    StartupPassword startupPassword;
    @Inject
    PasswordReplacement passwordWriter;

    /** @param adminJustCreated whether this start created the first admin (with the chosen password) */
    public void resetIfAsked(boolean adminJustCreated) {
        Optional<String> username = sources.lookup("fdb.admin.password_reset", VARIABLE);
        if (username.isEmpty()) {
            if (!adminJustCreated) {
                // Once users exist the password variables do nothing by themselves: say so, not silently.
                startupPassword.operatorsChoice().ifPresent(source -> LOG.info(() -> StartupPassword.PASSWORD
                        + " is not used: users exist. To reset an admin's password with it, also set " + VARIABLE
                        + "=<username> (docs/operations.md, \"Resetting an admin password\"); " + source + " was ignored."));
            }
            return;
        }
        // The name is the operator's own setting, but it is not repeated in a log line all the same.
        User admin = users.findByUsername(username.get().strip())
                .orElseThrow(() -> new ConfigurationException(VARIABLE + " names no existing user; "
                        + "set it to the username of an admin, or remove it"));
        if (!admin.getRoles().contains(Role.ADMIN)) {
            throw new ConfigurationException(VARIABLE + " names a user without the admin role; "
                    + "it resets the password of an admin only");
        }
        StartupPassword.Chosen password = startupPassword.choose();
        if (password.isAlready().test(admin.getPasswordHash())) {
            LOG.warning(() -> VARIABLE + " is still set: user " + admin.getId() + " already has the password from "
                    + password.source() + ", nothing changed. Remove " + VARIABLE + " from the environment.");
            return;
        }
        int revoked = passwordWriter.replace(admin.getId(), password.hash(), AuditEvent.PASSWORD_RESET_AT_STARTUP);
        String how = password.generated().map(generated -> "the generated password: " + generated + "  (shown once)")
                .orElse("the password from " + password.source());
        LOG.warning(() -> "Password of admin '" + admin.getUsername() + "' (user " + admin.getId() + ") reset by "
                + VARIABLE + " to " + how + "; " + revoked + " of its sessions revoked. Remove " + VARIABLE
                + " from the environment now: while it is set, every start resets this password again"
                + (password.generated().isPresent() ? "." : " if it differs."));
    }
}
