package com.mediahub.auth.mechanism;

/**
 * What a request must present. Decided by {@link AccessRules} from the resources' own
 * annotations, because a mechanism cannot rely on {@code isProtected()} for JAX-RS resources
 * (it is false for {@code @RolesAllowed} paths on Payara, WildFly and TomEE alike).
 */
public enum EndpointAccess {
    /** {@code @PermitAll}, or outside the API: no credentials needed; an Authorization header, if any, is ignored. */
    PUBLIC,
    /** {@code @PasswordOnly} ({@code POST /api/token}): Basic credentials or the JSON login body (contract 3.1). */
    BASIC_ONLY,
    /** Everything else under the API, unknown paths included: Basic or Bearer required. */
    PROTECTED
}
