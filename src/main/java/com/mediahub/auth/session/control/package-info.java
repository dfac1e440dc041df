/**
 * Session rules: issuing a pair after a password check, rotating a refresh token (consumed,
 * replay within the grace window, reuse), logout, sessions of a user, the revocation a password
 * change causes, and the scheduled clean-up of expired rows.
 */
package com.mediahub.auth.session.control;
