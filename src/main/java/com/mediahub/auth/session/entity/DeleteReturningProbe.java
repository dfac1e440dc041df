package com.mediahub.auth.session.entity;

import com.mediahub.platform.persistence.ProbeQuery;
import com.mediahub.platform.persistence.ProbedSql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Asks the database whether it understands {@code DELETE ... RETURNING}, on no rows, in a
 * transaction of its own (a failed statement must not spoil the caller's transaction).
 */
@ApplicationScoped
public class DeleteReturningProbe {

    @Inject
    ProbeQuery query;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void run() {
        query.run(new ProbeQuery.Step(ConsumeStatement.DELETE_RETURNING, "", ProbedSql.PROBE_TIME));
    }
}
