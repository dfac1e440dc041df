package com.mediahub.users.control;

import java.util.Map;

/**
 * How many sessions each user has, for the admin's user list. Sessions belong to
 * authentication, which implements this; users only declares the need, so the dependency points
 * from authentication to users (as {@link PasswordGuessLimit} does).
 */
public interface SessionCounts {

    /** Sessions per user id; a user without sessions may be absent. One query for all users. */
    Map<Long, Long> perUser();
}
