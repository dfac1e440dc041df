/**
 * User accounts: boundary (HTTP), control (rules, first admin, password changes), entity (table,
 * repository, canonical usernames), password (bcrypt and its concurrency gate), events (what
 * authentication observes: a password changed, a user deleted).
 */
package com.mediahub.users;
