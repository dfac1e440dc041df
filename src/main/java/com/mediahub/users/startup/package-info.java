/**
 * What the users feature does once, when the application starts: the first admin
 * ({@code FDB_ADMIN_PASSWORD} or a generated password), the operator's password reset
 * ({@code FDB_ADMIN_PASSWORD_RESET}), and the username keys of rows from before they existed
 * (backfill, then the unique indexes). It uses the account rules of {@code users.control}; nothing
 * there depends on it.
 */
package com.mediahub.users.startup;
