/**
 * The second factor's tables: a user's TOTP enrolment (the encrypted secret, pending until
 * confirmed), the 30-second steps whose code was already used, and recovery codes as hashes.
 */
package com.mediahub.auth.mfa.entity;
