package com.mediahub.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource (class or method) that changes how an account is protected: its password, its
 * second factor, its app passwords. App passwords are refused here with a 403 (ADR 0024): a
 * credential handed to a script must not be able to take over the account. The authentication
 * mechanism reads it; roles are still those of {@code @RolesAllowed}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AccountSecurity {
}
