/** Cross-cutting plumbing used by every feature: errors, JSON bodies, JAX-RS set-up. */
package com.mediahub.platform;
