/**
 * Cross-cutting plumbing under every feature, knowing none: errors and their catalogue, JSON,
 * JAX-RS set-up and the route list, persistence helpers, client networks, opaque values, time.
 */
package com.mediahub.platform;
