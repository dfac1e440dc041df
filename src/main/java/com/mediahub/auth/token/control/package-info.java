/**
 * Access tokens (short-lived JWTs): issuing and verifying them (jose4j), the verified-token
 * cache, and the token-version cache that makes logout-all and password changes reach access
 * tokens already issued.
 */
package com.mediahub.auth.token.control;
