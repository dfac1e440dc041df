package com.mediahub.platform.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/**
 * The routes of the deployed application, read once at startup from the resource classes that
 * CDI knows (every resource is a {@code @RequestScoped} bean; the architecture test holds every
 * {@code @Path} class to that).
 */
@ApplicationScoped
public class DeployedRoutes {

    private static final Logger LOG = Logger.getLogger(DeployedRoutes.class.getName());

    @Inject
    BeanManager beans;

    private Routes routes;

    @PostConstruct
    void read() {
        List<Class<?>> resources = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Path.class) && !resources.contains(bean.getBeanClass())) {
                resources.add(bean.getBeanClass());
            }
        }
        routes = Routes.of(resources);
        LOG.fine(() -> "Routes: " + routes.all());
    }

    public Routes get() {
        return routes;
    }
}
