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

    @Inject
    SecurityMetrics metrics;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (endpointOf(event) != null) {
            event.getServletRequest().setAttribute(START, System.nanoTime());
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        // Only timed requests carry the start (set above); the path is looked at again only for them.
        if (event.getServletRequest().getAttribute(START) instanceof Long start) {
            metrics.observe(endpointOf(event), System.nanoTime() - start);
        }
    }

    private static SecurityMetrics.Endpoint endpointOf(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request)
                || !"POST".equals(request.getMethod())) {
            return null;
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? SecurityMetrics.Endpoint.of(uri.substring(context.length())) : null;
    }
}
