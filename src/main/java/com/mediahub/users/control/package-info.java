/**
 * User account rules: creation and deletion, password changes (the writes in one transaction,
 * announced as {@code PasswordChanged}), the self-or-admin policy, the last admin, the first
 * admin, registration throttling, and the profile cache.
 */
package com.mediahub.users.control;
