/**
 * Checking a password: the JPA identity store (bcrypt through users), the login throttle that
 * counts each check before it runs, the optional Basic credential cache, and the throttled
 * current-password check that users asks for.
 */
package com.mediahub.auth.password.control;
