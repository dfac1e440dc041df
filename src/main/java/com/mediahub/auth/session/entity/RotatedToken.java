package com.mediahub.auth.session.entity;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What one rotation statement returns: the successor's session and expiry, and the user it
 * belongs to, as the new access token needs them (so no second query reads the user).
 */
public record RotatedToken(long userId, String username, Set<String> roles, int tokenVersion, long familyId,
                           OffsetDateTime expiry) {
}
