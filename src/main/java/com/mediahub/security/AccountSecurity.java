package com.mediahub.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource (class or method) that manages accounts rather than using the API: passwords, second
 * factors, app passwords, sessions, creating and deleting users. App passwords are refused here
 * with a 403 (ADR 0024): a credential handed to a script must not be able to take over an account,
 * its owner's or (an admin's) anyone's, nor sign its owner out. The authentication mechanism
 * reads it; roles are still those of {@code @RolesAllowed}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AccountSecurity {
}
