/**
 * JAX-RS plumbing shared by all features: the application path, the route list read from the
 * resources' annotations, role enforcement, request bodies (JSON reading, Bean Validation, path
 * ids) and the body size limit.
 */
package com.mediahub.platform.rest;
