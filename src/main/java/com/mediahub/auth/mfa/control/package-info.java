/**
 * Second-factor logic: {@link com.mediahub.auth.mfa.control.TotpCodes} checks a code against a
 * secret, {@link com.mediahub.auth.mfa.control.RecoveryCodes} makes and recognises recovery
 * codes, {@link com.mediahub.auth.mfa.control.SecretCipher} keeps secrets encrypted at rest,
 * {@link com.mediahub.auth.mfa.control.Enrolment} is what a user scans.
 */
package com.mediahub.auth.mfa.control;
