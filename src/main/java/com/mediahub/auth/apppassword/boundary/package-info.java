/**
 * The app-password endpoints: {@code /api/users/me/app-passwords} for the caller's own, and
 * {@code /api/users/{id}/app-passwords} for an admin.
 */
package com.mediahub.auth.apppassword.boundary;
