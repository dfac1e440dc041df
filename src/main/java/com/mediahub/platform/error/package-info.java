/**
 * The error catalogue and everything that turns failures into the contract's
 * {@code {"error": "..."}} JSON: exception mappers for JAX-RS and an error-page servlet for
 * what happens before JAX-RS (authentication, unknown paths).
 */
package com.mediahub.platform.error;
