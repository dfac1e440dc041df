package com.mediahub.metrics.control;

import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Times the token endpoints from the moment the request enters the application to the moment it
 * leaves it. A request listener rather than a filter, because authentication (the bcrypt of a
 * login) runs before any filter: only the listener sees the whole request.
 */
@WebListener
public class TokenEndpointTimer implements ServletRequestListener {

    private static final String START = TokenEndpointTimer.class.getName() + ".start";
    private static final String ENDPOINT = TokenEndpointTimer.class.getName() + ".endpoint";

    @Inject
    SecurityMetrics metrics;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        String endpoint = endpointOf(event);
        if (endpoint != null) {
            event.getServletRequest().setAttribute(ENDPOINT, endpoint);
            event.getServletRequest().setAttribute(START, System.nanoTime());
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        // Only timed requests carry the start and endpoint (set above).
        if (event.getServletRequest().getAttribute(START) instanceof Long start
                && event.getServletRequest().getAttribute(ENDPOINT) instanceof String endpoint) {
            metrics.observe(endpoint, System.nanoTime() - start);
        }
    }

    private String endpointOf(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request)) {
            return null;
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? metrics.timedEndpoint(request.getMethod(), uri.substring(context.length())) : null;
    }
}
