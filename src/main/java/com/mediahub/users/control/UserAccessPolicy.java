package com.mediahub.users.control;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;

import jakarta.enterprise.context.ApplicationScoped;

/** The ownership rule for user accounts, in one place: the user themself or an admin. */
@ApplicationScoped
public class UserAccessPolicy {

    public void checkMaySelfOrAdmin(CallerIdentity caller, long userId) {
        if (caller.id() != userId && !caller.isAdmin()) {
            throw new ApiException(ErrorCatalogue.NOT_ACCOUNT_OWNER);
        }
    }
}
