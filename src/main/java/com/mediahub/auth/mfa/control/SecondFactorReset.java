package com.mediahub.auth.mfa.control;

/**
 * Fired inside the transaction in which an admin removed a user's second factor (a lost phone,
 * perhaps a stolen one). Observers end what the user's credentials made, in that transaction:
 * app passwords go with it, as sessions do.
 */
public record SecondFactorReset(long userId) {
}
