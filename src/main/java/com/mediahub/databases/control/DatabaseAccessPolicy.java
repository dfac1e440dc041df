package com.mediahub.databases.control;

import com.mediahub.databases.entity.Database;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;

import jakarta.enterprise.context.ApplicationScoped;

/** The ownership rule for databases and their entries (contract 3.6), in one place: owner or admin. */
@ApplicationScoped
public class DatabaseAccessPolicy {

    public void checkMayAccess(CallerIdentity caller, Database database) {
        if (!caller.isAdmin() && database.getOwner().getId() != caller.id()) {
            throw new ApiException(ErrorCatalogue.NOT_DATABASE_OWNER);
        }
    }
}
