package com.mediahub.platform.persistence;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Asks the database which statement forms it speaks while the application starts, not during
 * the first request: on the embedded H2 database the probe of the PostgreSQL form fails, and the
 * JPA provider logs that failure with a stack trace; it must not be a request from outside that
 * causes it (security review item 6). A database that cannot be reached now is asked again at
 * first use.
 */
@ApplicationScoped
public class StatementProbesAtStartup {

    private static final Logger LOG = Logger.getLogger(StatementProbesAtStartup.class.getName());

    @Inject
    @Any
    Instance<ProbedStatement> statements;

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            statements.forEach(ProbedStatement::sql);
        } catch (RuntimeException unreachable) {
            LOG.warning("The database could not be asked at startup; it is asked again at first use");
        }
    }
}
