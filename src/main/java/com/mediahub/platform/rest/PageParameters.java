package com.mediahub.platform.rest;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.platform.persistence.KeysetPage;

/**
 * Reads the optional {@code limit} and {@code after} query parameters of a list endpoint. Without
 * both the list is whole (the contract's shape stays); anything but a whole number in range is a
 * 400 naming the parameter, never the runtime's 404 or a 500.
 */
public final class PageParameters {

    /** Large enough for any screen, small enough that one request cannot ask for a table. */
    public static final int MAX_LIMIT = 500;

    private PageParameters() {
    }

    public static KeysetPage parse(String limit, String after) {
        if (limit == null && after == null) {
            return KeysetPage.ALL;
        }
        int size = limit == null ? MAX_LIMIT : (int) number("limit", limit, 1, MAX_LIMIT);
        long afterId = after == null ? 0 : number("after", after, 0, Long.MAX_VALUE);
        return new KeysetPage(afterId, size);
    }

    private static long number(String name, String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400
        }
        throw new ApiException(ErrorCatalogue.INVALID_QUERY_PARAMETER, name,
                max == Long.MAX_VALUE ? "a whole number from " + min : "a whole number from " + min + " to " + max);
    }
}
