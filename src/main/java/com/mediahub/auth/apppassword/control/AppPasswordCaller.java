package com.mediahub.auth.apppassword.control;

import com.mediahub.security.CallerIdentity;

/**
 * Who an app password proved, and whether it may only read ({@code GET} and {@code HEAD}).
 *
 * @param caller credential {@link CallerIdentity.Credential#APP_PASSWORD}, no session
 */
public record AppPasswordCaller(CallerIdentity caller, boolean readOnly) {
}
