package com.mediahub.users.events;

/**
 * Fired inside the transaction that deleted a user (their refresh tokens, databases and entries
 * went with the row, by ON DELETE CASCADE). Observers forget what they remember of the user;
 * ids are never reused.
 */
public record UserDeleted(long userId) {
}
