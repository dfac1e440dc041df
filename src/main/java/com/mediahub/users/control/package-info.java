/**
 * User account rules: creation and deletion, password changes (the writes in one transaction,
 * announced as {@code PasswordChanged}), the self-or-admin policy, the last admin, registration
 * throttling, and the profile cache. What runs once at start-up is in {@code users.startup}.
 */
package com.mediahub.users.control;
