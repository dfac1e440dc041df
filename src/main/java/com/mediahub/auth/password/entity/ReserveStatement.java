package com.mediahub.auth.password.entity;

import com.mediahub.platform.persistence.ProbedSql;
import com.mediahub.platform.persistence.ProbedStatement;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one statement that counts an attempt for a throttle key and returns the count: in the
 * current window, or in a new one when the window has passed. Standard SQL has no upsert that
 * returns its row, so the database's own form is used: {@code INSERT ... ON CONFLICT DO UPDATE
 * ... RETURNING} (PostgreSQL) or {@code SELECT ... FROM FINAL TABLE (MERGE ...)} (H2, the embedded
 * default). Which one works is asked of the database once, by trying the first. Being one
 * statement, concurrent attempts are serialised by the row lock and each sees its own count.
 */
@ApplicationScoped
public class ReserveStatement implements ProbedStatement {

    /**
     * Parameters: 1 the key, 2 "now", 3 the window floor (windows that started before it have
     * passed). Counts one password check in flight ({@code pending}); a passed window starts again
     * with no failures and only this check in flight.
     */
    static final String UPSERT_RETURNING = "INSERT INTO login_failures (throttle_key, failures, pending, window_start) "
            + "VALUES (?1, 0, 1, ?2) ON CONFLICT (throttle_key) DO UPDATE SET "
            + "failures = CASE WHEN login_failures.window_start > ?3 THEN login_failures.failures ELSE 0 END, "
            + "pending = CASE WHEN login_failures.window_start > ?3 THEN login_failures.pending + 1 ELSE 1 END, "
            + "window_start = CASE WHEN login_failures.window_start > ?3 THEN login_failures.window_start ELSE ?2 END "
            + "RETURNING failures, pending, window_start";
    static final String FINAL_TABLE_OF_MERGE = "SELECT failures, pending, window_start FROM FINAL TABLE (MERGE INTO login_failures t "
            + "USING (VALUES (CAST(?1 AS VARCHAR(320)), CAST(?2 AS TIMESTAMP WITH TIME ZONE))) s(k, n) ON t.throttle_key = s.k "
            + "WHEN MATCHED THEN UPDATE SET failures = CASE WHEN t.window_start > ?3 THEN t.failures ELSE 0 END, "
            + "pending = CASE WHEN t.window_start > ?3 THEN t.pending + 1 ELSE 1 END, "
            + "window_start = CASE WHEN t.window_start > ?3 THEN t.window_start ELSE s.n END "
            + "WHEN NOT MATCHED THEN INSERT (throttle_key, failures, pending, window_start) VALUES (s.k, 0, 1, s.n))";

    @Inject
    UpsertReturningProbe probe;

    private ProbedSql statement;

    @PostConstruct
    void init() {
        statement = new ProbedSql("Login attempts are counted", UPSERT_RETURNING, FINAL_TABLE_OF_MERGE, probe::run);
    }

    @Override
    public String sql() {
        return statement.sql();
    }

}
