package com.mediahub.platform.rest;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;

/** Parses numeric ids from paths, so that {@code /users/abc} is a clear 400 and not the runtime's 404. */
public final class PathIds {

    private PathIds() {
    }

    public static long parse(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new ApiException(ErrorCatalogue.INVALID_PATH_PARAMETER, "id");
    }
}
