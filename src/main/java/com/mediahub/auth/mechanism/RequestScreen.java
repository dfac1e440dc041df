package com.mediahub.auth.mechanism;

import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mediahub.auth.cookie.SessionCookies;
import com.mediahub.platform.error.ErrorCatalogue;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Refusals decided from the shape of an API request alone, before any credential is looked at
 * (security review items 1, 5, 11 and 13):
 * <ul>
 * <li>a path the container would route differently from how it reads: path parameters
 * ({@code /api/token;x}), percent-encoding, backslashes, empty or dot segments. The mechanism
 * classifies the routed path, and this makes sure the raw one says the same thing;</li>
 * <li>more than one {@code Authorization} header (RFC 9110: a single-valued field);</li>
 * <li>a state-changing request with a body that is not declared {@code application/json}: every
 * body the API takes is JSON, and the types a cross-site page can send without a CORS preflight
 * (forms, {@code text/plain}, none at all) are exactly the ones refused here.</li>
 * </ul>
 */
final class RequestScreen {

    /** Letters, digits and {@code - _ ~ .} in non-empty segments that are not {@code .} or {@code ..}. */
    private static final Pattern PLAIN_API_PATH =
            Pattern.compile("/api(/(?!\\.{1,2}(/|$))[A-Za-z0-9._~-]+)*/?");

    private RequestScreen() {
    }

    /**
     * @param rawPath    the request URI after the context path, as the client sent it
     * @param routedPath the path the container routes (decoded, path parameters removed)
     */
    static Optional<ErrorCatalogue> refusal(HttpServletRequest request, String rawPath, String routedPath) {
        if (!isApi(rawPath) && !isApi(routedPath)) {
            return Optional.empty();
        }
        if (!PLAIN_API_PATH.matcher(rawPath).matches() || !rawPath.equals(routedPath)) {
            return Optional.of(ErrorCatalogue.INVALID_PATH);
        }
        if (Collections.list(request.getHeaders("Authorization")).size() > 1) {
            return Optional.of(ErrorCatalogue.DUPLICATE_AUTHORIZATION);
        }
        if (SessionCookies.isStateChanging(request.getMethod()) && hasBody(request) && !declaresJson(request)) {
            return Optional.of(ErrorCatalogue.UNSUPPORTED_MEDIA_TYPE);
        }
        return Optional.empty();
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Whether the request declares {@code application/json} (parameters such as charset allowed). */
    static boolean declaresJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        int parameters = type.indexOf(';');
        String mediaType = (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }
}
