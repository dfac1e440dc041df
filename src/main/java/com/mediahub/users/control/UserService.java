package com.mediahub.users.control;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;
import com.mediahub.security.Role;
import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.User;
import com.mediahub.users.entity.UserProfile;
import com.mediahub.users.entity.Usernames;
import com.mediahub.users.events.UserDeleted;
import com.mediahub.users.password.PasswordHasher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** Creating, listing and deleting users, with the rules of contract 3.7. */
@ApplicationScoped
public class UserService {

    /**
     * Letters and digits of any script, and {@code . _ - @}; 1 to 64 characters. Never a colon
     * (Basic splits at the first one), a space or a control character.
     */
    static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");
    static final int MIN_PASSWORD_LENGTH = 8;

    @Inject
    JpaUserRepository users;
    @Inject
    Clock clock;
    @Inject
    PasswordHasher passwords;
    @Inject
    SecurityAudit audit;
    @Inject
    UserProfileCache profiles;
    @Inject
    UserAccessPolicy access;
    @Inject
    PasswordGuessLimit guessLimit;
    @Inject
    Event<UserDeleted> userDeleted;
    @Inject
    PasswordReplacement passwordWriter;

    /** The caller's own profile, from the profile cache. */
    public UserProfile profile(long id) {
        return profiles.find(id).orElseThrow(() -> new ApiException(ErrorCatalogue.USER_NOT_FOUND));
    }

    public User find(long id) {
        return users.findById(id).orElseThrow(() -> new ApiException(ErrorCatalogue.USER_NOT_FOUND));
    }

    public List<User> listAll() {
        return users.listAll();
    }

    /** How an account comes to be: an admin creates it, or anybody registers it (reserved names refused). */
    public enum Origin { ADMIN, SELF_REGISTRATION }

    /**
     * Validates everything before hashing (bcrypt is the expensive part) and before writing.
     * Names are compared by {@link Usernames}: the same canonical name is taken, a look-alike of
     * an existing name is refused, and self-registration may not take an admin-like name.
     */
    public User create(String username, String password, Set<String> roles, Origin origin) {
        Optional<String> canonical = Usernames.canonical(username);
        if (!USERNAME.matcher(username).matches() || canonical.isEmpty()) {
            throw new ApiException(ErrorCatalogue.FIELD_INVALID, "username",
                    "must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        checkPassword("password", password);
        for (String role : roles) {
            if (!Role.ALL.contains(role)) {
                throw new ApiException(ErrorCatalogue.UNKNOWN_ROLE, role);
            }
        }
        if (origin == Origin.SELF_REGISTRATION && Usernames.isReserved(canonical.get())) {
            throw new ApiException(ErrorCatalogue.USERNAME_RESERVED);
        }
        if (users.findByUsername(username).isPresent() || users.existsWithKey(canonical.get())) {
            throw new ApiException(ErrorCatalogue.USERNAME_TAKEN);
        }
        if (users.existsWithSkeleton(Usernames.skeleton(canonical.get()))) {
            throw new ApiException(ErrorCatalogue.USERNAME_CONFUSABLE);
        }
        // Hashed outside any transaction: no database connection is held while bcrypt runs (or
        // waits for a slot). The insert is the repository's own transaction; the unique keys
        // decide a race with another creation.
        String hash = passwords.hash(password);
        try {
            return users.add(new User(username, hash, roles.isEmpty() ? Set.of(Role.USER) : roles, OffsetDateTime.now(clock)));
        } catch (PersistenceException | jakarta.transaction.TransactionalException raceWithAnotherInsert) {
            throw new ApiException(ErrorCatalogue.USERNAME_TAKEN);
        }
    }

    /**
     * Deletes a user; their refresh tokens, databases and entries go in the same statement
     * (ON DELETE CASCADE), and their access tokens stop working here at once.
     */
    @Transactional
    public void delete(CallerIdentity caller, long id) {
        access.checkMaySelfOrAdmin(caller, id);
        List<Long> admins = users.lockAdmins();
        if (admins.size() == 1 && admins.contains(id)) {
            // Review item 12: without an admin nobody could ever create one again.
            throw new ApiException(ErrorCatalogue.LAST_ADMIN);
        }
        if (!users.delete(id)) {
            throw new ApiException(ErrorCatalogue.USER_NOT_FOUND);
        }
        userDeleted.fire(new UserDeleted(id));
        profiles.forget(id);
        audit.record(AuditEvent.USER_DELETED, id, null);
    }

    /**
     * Contract 3.7: the user themself (who must give the current password) or an admin. In one
     * transaction the hash changes, every refresh token of the user goes, and the token version
     * is counted up so that access tokens issued before stop working; Basic with the old
     * password fails at once. Returns how many refresh tokens were revoked.
     */
    public int changePassword(CallerIdentity caller, long id, String currentPassword, String newPassword,
                              String clientAddress) {
        access.checkMaySelfOrAdmin(caller, id);
        User user = find(id);
        // The checks and both bcrypt runs happen outside any transaction, so no database
        // connection is held while they run (or wait for a slot): parallel password changes
        // cannot drain the pool. Only the writes are one transaction.
        if (caller.id() == id) {
            checkCurrentPassword(user, currentPassword, clientAddress);
        }
        checkPassword("new_password", newPassword);
        return passwordWriter.replace(id, passwords.hash(newPassword));
    }

    /**
     * A signed-in user proves their password again before a sensitive change (turning a second
     * factor on or off): checked under the login throttle, 403 when wrong, 429 when throttled.
     */
    public void confirmPassword(long id, String password, String clientAddress) {
        checkCurrentPassword(find(id), password, clientAddress);
    }

    /**
     * The current password, checked under the login throttle like any password (review item 4:
     * a stolen access token must not give unlimited guesses through this endpoint).
     */
    private void checkCurrentPassword(User user, String currentPassword, String clientAddress) {
        if (!guessLimit.check(user.getId(), user.getUsername(), clientAddress,
                () -> currentPassword != null && passwords.verify(currentPassword, user.getPasswordHash()))) {
            audit.record(AuditEvent.LOGIN_FAILED, user.getId(), null);
            throw new ApiException(ErrorCatalogue.CURRENT_PASSWORD_WRONG);
        }
    }

    /** The rules of any new password (length, bcrypt's 72 bytes); start-up checks FDB_ADMIN_PASSWORD with them too. */
    public static void checkPassword(String field, String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new ApiException(ErrorCatalogue.PASSWORD_TOO_SHORT, field);
        }
        if (!PasswordHasher.fitsBcrypt(password)) {
            throw new ApiException(ErrorCatalogue.PASSWORD_TOO_LONG, field);
        }
    }
}
