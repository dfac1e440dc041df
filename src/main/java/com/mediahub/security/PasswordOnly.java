package com.mediahub.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that only a password may call: Basic credentials or the JSON login body,
 * never an access token (contract 3.1; a token must not be traded for a new session). The
 * authentication mechanism reads it; roles are still those of {@code @RolesAllowed}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PasswordOnly {
}
