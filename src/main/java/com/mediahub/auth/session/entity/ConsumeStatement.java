package com.mediahub.auth.session.entity;

import com.mediahub.platform.persistence.ProbedSql;
import com.mediahub.platform.persistence.ProbedStatement;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one SQL statement that deletes a live refresh token and returns what its successor
 * inherits. Standard SQL has no such statement, so the database's own form is used:
 * {@code DELETE ... RETURNING} (PostgreSQL) or a data-change delta table
 * {@code SELECT ... FROM OLD TABLE (DELETE ...)} (H2, the embedded default). Which one works is
 * asked of the database once, by trying the first.
 */
@ApplicationScoped
public class ConsumeStatement implements ProbedStatement {

    /** Columns returned, in this order. */
    static final String COLUMNS = "user_id, family_id, family_created_at, family_expiry, generation, expiry, amr";
    /**
     * A token of a session signed in under an older token version is not live: whatever ended the
     * user's sessions counted the version up, and a login or rotation that raced it (inserted
     * after its DELETE looked) stops here.
     */
    static final String DELETE = "DELETE FROM refresh_tokens WHERE token_hash = ?1 AND expiry > ?2 AND (token_version IS NULL "
            + "OR token_version = (SELECT u.token_version FROM users u WHERE u.id = refresh_tokens.user_id))";
    static final String DELETE_RETURNING = DELETE + " RETURNING " + COLUMNS;
    static final String OLD_TABLE_OF_DELETE = "SELECT " + COLUMNS + " FROM OLD TABLE (" + DELETE + ")";

    @Inject
    DeleteReturningProbe probe;

    private ProbedSql statement;

    @PostConstruct
    void init() {
        statement = new ProbedSql("Refresh tokens are consumed", DELETE_RETURNING, OLD_TABLE_OF_DELETE, probe::run);
    }

    /**
     * Whether this database also takes the whole rotation as one statement: PostgreSQL, whose
     * DELETE ... RETURNING goes with data-modifying WITH clauses. H2 has neither.
     */
    public boolean rotatesInOneStatement() {
        return DELETE_RETURNING.equals(sql());
    }

    /** The statement for this database; parameters: 1 the token hash, 2 "now". */
    @Override
    public String sql() {
        return statement.sql();
    }
}
