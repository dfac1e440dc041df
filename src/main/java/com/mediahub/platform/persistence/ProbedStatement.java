package com.mediahub.platform.persistence;

/**
 * A statement whose SQL depends on the database it runs on, chosen by a probe (see
 * {@link ProbedSql}). Implementations are asked once at startup by {@link StatementProbesAtStartup}.
 */
public interface ProbedStatement {

    /** The statement for this database; the first call may run the probe. */
    String sql();
}
