package com.mediahub.auth.password.entity;

import com.mediahub.platform.persistence.ProbeQuery;
import com.mediahub.platform.persistence.ProbedSql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Asks the database whether it understands {@code INSERT ... ON CONFLICT ... RETURNING}, in a
 * transaction of its own (a failed statement must not spoil the caller's transaction); the probe
 * row is deleted again in the same transaction.
 */
@ApplicationScoped
public class UpsertReturningProbe {

    static final String PROBE_KEY = "probe:upsert";

    @Inject
    ProbeQuery query;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void run() {
        query.run(new ProbeQuery.Step(ReserveStatement.UPSERT_RETURNING, PROBE_KEY, ProbedSql.PROBE_TIME, ProbedSql.PROBE_TIME),
                new ProbeQuery.Step("DELETE FROM login_failures WHERE throttle_key = ?1", PROBE_KEY));
    }
}
