/** JAX-RS plumbing shared by all features: the application path, role enforcement, body size limit. */
package com.mediahub.platform.rest;
