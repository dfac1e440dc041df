/**
 * Who the caller is, as every feature reads it: the {@link com.mediahub.security.CallerIdentity}
 * the authentication mechanism proved, {@link com.mediahub.security.CurrentCaller} for resources,
 * the role names, and the two annotations that say what a resource method accepts beyond
 * {@code @PermitAll}/{@code @RolesAllowed}. Depends on nothing in the application, so that
 * every feature may depend on it.
 */
package com.mediahub.security;
