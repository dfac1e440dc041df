package com.mediahub.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that takes credentials like any protected one, and that a caller without
 * any (no header, no session cookie) may also reach when {@code [auth] registration = "open"}:
 * self-registration. It also carries {@code @PermitAll}, so the role check lets the anonymous
 * caller through to the method, which decides.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnonymousWhenRegistrationOpen {
}
