package com.mediahub.platform.error;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Target of the web.xml error pages: renders every servlet-level error (the authentication
 * mechanism's 401s, the container's 404/405/500) as the contract's JSON body instead of HTML.
 * The mechanism leaves the exact catalogue entry in a request attribute; without one the
 * status decides.
 */
@WebServlet(name = "JsonErrorPage", urlPatterns = JsonErrorPageServlet.PATH)
public class JsonErrorPageServlet extends HttpServlet {

    public static final String PATH = "/error-page";
    /** Request attribute holding the {@link ErrorCatalogue} entry that caused the error. */
    public static final String ERROR_ATTRIBUTE = "com.mediahub.error";
    /** Request attribute holding the seconds for a {@code Retry-After} header (429). */
    public static final String RETRY_AFTER_ATTRIBUTE = "com.mediahub.retryAfter";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : response.getStatus();
        ErrorCatalogue error = request.getAttribute(ERROR_ATTRIBUTE) instanceof ErrorCatalogue e
                ? e : ErrorCatalogue.forStatus(code);
        response.setStatus(code);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (request.getAttribute(RETRY_AFTER_ATTRIBUTE) instanceof Long seconds) {
            response.setHeader("Retry-After", seconds.toString());
        }
        response.getWriter().write(ErrorResponses.body(error.message()));
    }
}
