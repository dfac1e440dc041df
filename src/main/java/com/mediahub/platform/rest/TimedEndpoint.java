package com.mediahub.platform.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose latency the metrics keep, under {@code endpoint="<value>"} of
 * {@code mediahub_token_endpoint_duration_seconds}. Its path must have no parameters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TimedEndpoint {

    /** The label value. */
    String value();
}
