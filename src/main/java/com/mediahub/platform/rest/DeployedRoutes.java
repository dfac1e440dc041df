package com.mediahub.platform.rest;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/**
 * The routes of the deployed application, read once at startup from the resource classes that
 * CDI knows (every resource is an {@code @ApplicationScoped} bean; the architecture test holds every
 * {@code @Path} class to that). Only the application's own classes count: a server or library
 * may register {@code @Path} beans of its own, which are not under our access rules.
 */
@ApplicationScoped
public class DeployedRoutes {

    private static final Logger LOG = Logger.getLogger(DeployedRoutes.class.getName());
    private static final String APPLICATION_PACKAGE = "com.mediahub.";

    @Inject
    BeanManager beans;

    private Routes routes;

    @PostConstruct
    void read() {
        Set<Class<?>> resources = new LinkedHashSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (type.isAnnotationPresent(Path.class) && type.getName().startsWith(APPLICATION_PACKAGE)) {
                resources.add(type);
            }
        }
        routes = Routes.of(resources);
        LOG.info(() -> routes.all().size() + " routes read from " + resources.size() + " resource classes");
        LOG.fine(() -> "Routes: " + routes.all());
    }

    /** At deployment, so that a broken route list stops the deployment rather than a request. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        routes.all();
    }

    public Routes get() {
        return routes;
    }
}
