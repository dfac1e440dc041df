/**
 * The second factor's endpoints: a user's own TOTP enrolment and recovery codes
 * ({@code /api/users/me/totp}, {@code /api/users/me/recovery-codes}) and an admin's reset
 * ({@code /api/users/{id}/totp}).
 */
package com.mediahub.auth.mfa.boundary;
