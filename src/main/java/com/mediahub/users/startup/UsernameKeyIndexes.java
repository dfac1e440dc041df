package com.mediahub.users.startup;

import java.util.logging.Logger;

import com.mediahub.users.entity.JpaUserRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Makes username keys and skeletons unique (after {@link UsernameKeyBackfill} filled them in),
 * with the indexes' {@code CREATE UNIQUE INDEX IF NOT EXISTS}. That is not atomic in
 * PostgreSQL: two instances starting together on a new database both find the index missing,
 * and the later one fails with a unique violation in the catalogue ({@code
 * pg_class_relname_nsp_index}). Each attempt is a transaction of its own, and a failed one is
 * tried once more: by then the other instance's index exists and the statement does nothing.
 */
@ApplicationScoped
public class UsernameKeyIndexes {

    private static final Logger LOG = Logger.getLogger(UsernameKeyIndexes.class.getName());

    @Inject
    JpaUserRepository users;
    @Inject
    UsernameKeyIndexes self; // through the proxy, so that each attempt gets its own transaction

    public void ensure() {
        try {
            self.create();
        } catch (RuntimeException anotherInstanceCreatedThemAtTheSameTime) {
            LOG.info("Username key indexes: created concurrently by another instance; checking again");
            self.create();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create() {
        users.createUsernameKeyIndexes();
    }
}
