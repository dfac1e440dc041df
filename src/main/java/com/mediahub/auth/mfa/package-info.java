/**
 * The second factor (issue 18): time-based one-time passwords (RFC 6238) from an authenticator
 * app, recovery codes for when the phone is lost, and the TOTP secrets encrypted at rest. This
 * package holds the parts that need no database: the code check with its window, the recovery
 * codes, the secret's cipher, and what an authenticator app scans.
 */
package com.mediahub.auth.mfa;
