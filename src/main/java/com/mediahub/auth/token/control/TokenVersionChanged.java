package com.mediahub.auth.token.control;

/**
 * A user's token version was counted up in the current transaction. {@link TokenVersionCache}
 * trusts the new version once the transaction has committed: before, a concurrent request could
 * read the old state of the account and be remembered under the new version.
 */
public record TokenVersionChanged(long userId, int newTokenVersion) {
}
