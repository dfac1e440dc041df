/**
 * Authentication: who the caller is (Basic, Bearer, or the cookies of the web app) and the
 * life cycle of a session. One room per job:
 * {@code mechanism} (the one HttpAuthenticationMechanism, request screening, access rules),
 * {@code password} (identity store, login throttle, Basic credential cache),
 * {@code token} (access tokens: signing, verification, caches; {@code keys} the signing keys and JWKS),
 * {@code session} (the token endpoints, rotation, sessions, clean-up) and
 * {@code cookie} (cookie delivery and CSRF for the web app).
 */
package com.mediahub.auth;
