package com.mediahub.auth.apppassword.control;

import java.security.SecureRandom;
import java.util.List;

import com.mediahub.auth.apppassword.entity.AppPassword;
import com.mediahub.auth.apppassword.entity.JpaAppPasswordRepository;
import com.mediahub.platform.crypto.OpaqueValues;
import com.mediahub.platform.rest.BeanValidation;
import com.mediahub.security.CallerIdentity;
import com.mediahub.users.control.UserService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What users and admins do with app passwords (issue 19). Making one asks for the account
 * password again, checked under the login throttle (ADR 0024: a stolen access token must not
 * leave behind a credential that outlives it). A revocation works on this instance at once.
 */
@ApplicationScoped
public class AppPasswordAccount {

    private final SecureRandom random = new SecureRandom();

    @Inject
    AppPasswordWrites writes;
    @Inject
    JpaAppPasswordRepository repository;
    @Inject
    AppPasswordCheck check;
    @Inject
    UserService users;
    @Inject
    BeanValidation validation;

    /** A new app password for the caller, once their password is proven again; its value is in the answer only. */
    public CreatedAppPassword create(CallerIdentity caller, NewAppPassword request, String password, String clientAddress) {
        validation.valid(request);
        int tokenVersion = users.find(caller.id()).getTokenVersion(); // before the password is checked
        users.confirmPassword(caller.id(), password, clientAddress);
        String value = AppPasswordFormat.generate(random);
        return new CreatedAppPassword(writes.create(caller, request, OpaqueValues.sha256Hex(value), tokenVersion), value);
    }

    /** The user's app passwords, without secrets; 404 for an unknown user. */
    public List<AppPassword> list(long userId) {
        users.find(userId);
        return repository.ofUser(userId);
    }

    /** The caller revokes one of the user's app passwords; 404 when the user or the app password is unknown. */
    public void revoke(CallerIdentity caller, long userId, long id) {
        users.find(userId);
        check.forget(writes.revoke(caller, userId, id)); // after the commit: a use now reads the database and misses
    }
}
