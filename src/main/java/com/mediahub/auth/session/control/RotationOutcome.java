package com.mediahub.auth.session.control;

import com.mediahub.auth.token.control.TokenPair;

/**
 * How a refresh ended. A refusal is a value, not an exception, because a detected reuse must
 * commit its revocation even though the caller gets 401.
 */
public sealed interface RotationOutcome {

    record Rotated(TokenPair pair) implements RotationOutcome {
    }

    /** Unknown, expired, revoked, or replayed: always the same 401 for the client. */
    record Refused(Reason reason) implements RotationOutcome {
    }

    enum Reason {
        /** Never issued, expired, logged out, revoked, or its user deleted. */
        UNKNOWN,
        /** The immediately previous token again, within the grace window: refused, the session lives on. */
        REPLAY_WITHIN_GRACE,
        /** A rotated token presented again: the whole session was revoked. */
        REUSE_DETECTED
    }
}
