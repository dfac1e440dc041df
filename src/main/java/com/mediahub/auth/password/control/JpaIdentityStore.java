package com.mediahub.auth.password.control;

import java.util.Optional;

import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.User;
import com.mediahub.users.password.PasswordHasher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * The identity store behind Basic authentication: checks the password against the bcrypt hash
 * in {@code users} and supplies the caller's groups (roles). The user id travels as the caller's
 * unique id. An unknown username costs the same bcrypt work as a wrong password. A hash made
 * with a lower cost than configured is replaced after a successful check.
 */
@ApplicationScoped
public class JpaIdentityStore implements IdentityStore {

    @Inject
    JpaUserRepository users;
    @Inject
    PasswordHasher passwords;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String password = credential.getPasswordAsString();
        Optional<User> user = users.findForLogin(credential.getCaller());
        if (user.isEmpty()) {
            passwords.burnEquivalentWork();
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!passwords.verify(password, user.get().getPasswordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        User found = user.get();
        if (passwords.needsUpgrade(found.getPasswordHash())) {
            users.updatePasswordHash(found.getId(), passwords.hash(password));
        }
        return new CredentialValidationResult(null, new CallerPrincipal(found.getUsername()), null,
                String.valueOf(found.getId()), found.getRoles());
    }
}
