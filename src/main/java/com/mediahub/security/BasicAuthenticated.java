package com.mediahub.security;

/**
 * A request to a resource endpoint was let in with Basic credentials, fired for the metrics
 * (Basic by kind: the account password or an app password), which security does not know.
 *
 * @param credential {@link CallerIdentity.Credential#PASSWORD} or {@link CallerIdentity.Credential#APP_PASSWORD}
 */
public record BasicAuthenticated(CallerIdentity.Credential credential) {
}
