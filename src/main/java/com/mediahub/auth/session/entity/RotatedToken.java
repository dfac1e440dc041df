package com.mediahub.auth.session.entity;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What one rotation statement returns: the successor's session and expiry, and the user it
 * belongs to, as the new access token needs them (so no second query reads the user), and how
 * and when the session's login proved the user ({@code amr}, {@code auth_time}).
 */
public record RotatedToken(long userId, String username, Set<String> roles, int tokenVersion, long familyId,
                           OffsetDateTime expiry, OffsetDateTime loginTime, String amr) {
}
